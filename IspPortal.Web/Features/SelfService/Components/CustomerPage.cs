using IspPortal.Core.SelfService;
using Microsoft.AspNetCore.Components;

namespace IspPortal.Web.Features.SelfService.Components;

/// <summary>
/// A page of the customer portal: open to anonymous requests as far as the staff authorization goes,
/// and closed here instead, to everyone but a signed-in customer, who is sent to sign in.
/// </summary>
public abstract class CustomerPage : ComponentBase
{
    [Inject] protected CustomerPortalSession Session { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The customer's address as the request that opened the page showed it (limits on codes count by it).</summary>
    protected string ClientAddress => Session.Address ?? "";

    /// <summary>Null until <see cref="SignedInAsync"/> found the customer.</summary>
    protected SelfServiceCaller? Caller { get; private set; }

    /// <returns>False when the visitor was sent to sign in.</returns>
    protected async Task<bool> SignedInAsync()
    {
        Session.ReadFrom(HttpContext);
        return await CallerOrSignInAsync() is not null;
    }

    /// <summary>The session checked again before an action (it may have ended elsewhere); null when the visitor was sent to sign in.</summary>
    protected async Task<SelfServiceCaller?> CallerOrSignInAsync()
    {
        Caller = await Session.CallerAsync();
        if (Caller is null)
            Navigation.NavigateTo(CustomerPortalSession.SignInPath, forceLoad: true);
        return Caller;
    }
}
