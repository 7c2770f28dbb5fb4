using IspPortal.Core.Identity;
using IspPortal.Web.Features.Identity.Components;
using IspPortal.Web.Features.Identity.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Identity;

public sealed class IdentityFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Settings, "Pengguna", "/settings/users", Icons.Material.Filled.People, Permissions.UsersManage, 60),
        new(NavSections.Settings, "Kunci API", "/settings/api-keys", Icons.Material.Filled.Key, Permissions.ApiKeysManage, 70),
        new(NavSections.Settings, "Log audit", "/settings/audit", Icons.Material.Filled.History, Permissions.AuditRead, 80),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Keamanan", Icons.Material.Filled.Security, 80, [typeof(TwoFactorSettingsForm)]),
    ];

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAccountEndpoints();
}
