using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;

namespace IspPortal.Web.Shell;

/// <summary>
/// A feature as the shell sees it: the drawer items and /settings tabs it contributes and the
/// endpoints it maps. The shell builds the drawer, the settings page and the routes from
/// <see cref="PortalFeatures.All"/>, so adding a screen never means editing the shell.
/// </summary>
public interface IPortalFeature
{
    IReadOnlyList<NavItem> Navigation => [];

    IReadOnlyList<SettingsTab> SettingsTabs => [];

    /// <summary>Endpoints under the shared <c>/api</c> group (API-key authentication, rate limit, problem details).</summary>
    void MapApi(RouteGroupBuilder api)
    {
    }

    /// <summary>Endpoints outside <c>/api</c>: file downloads, sign-in forms, webhooks that authenticate themselves.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
