using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using IspPortal.Core.Identity;
using IspPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace IspPortal.Tests.Support;

/// <summary>
/// The base of every bUnit test: MudBlazor's services, loose JS interop (MudBlazor calls JS we do
/// not assert on), a localizer that returns the Indonesian key itself, and a signed-in user whose
/// policies follow <see cref="Permissions.GrantedTo"/> for the roles given.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IStringLocalizer<SharedStrings>, KeyLocalizer>();
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs in <paramref name="userName"/> with the roles, and the policies those roles are granted.</summary>
    protected void SignInAs(string userName, params string[] roles)
    {
        Authorization.SetAuthorized(userName);
        Authorization.SetRoles(roles);
        Authorization.SetPolicies([.. roles.SelectMany(Permissions.For).Distinct()]);
    }

    /// <summary>Dialogs and popovers render into these providers, as in MainLayout.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderDialogHost()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 calls this before Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private sealed class KeyLocalizer : IStringLocalizer<SharedStrings>
    {
        public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments), resourceNotFound: true);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
