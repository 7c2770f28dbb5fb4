using IspPortal.Core.Identity;
using IspPortal.Web.Features.Network.Components;
using IspPortal.Web.Features.Network.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Network;

public sealed class NetworkFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Network, "Peta pelanggan", "/network/map", Icons.Material.Filled.Map, Permissions.NetworkRead, 10),
        new(NavSections.Network, "Monitoring", "/network/monitoring", Icons.Material.Filled.MonitorHeart, Permissions.NetworkRead, 20),
        new(NavSections.Network, "Router", "/network/routers", Icons.Material.Filled.Router, Permissions.NetworkRead, 30),
        new(NavSections.Network, "Pool router", "/network/pools", Icons.Material.Filled.AccountTree, Permissions.NetworkRead, 40),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Jaringan", Icons.Material.Filled.Hub, 40, [typeof(NetworkSettingsForm)]),
        new("Peringatan", Icons.Material.Filled.NotificationsActive, 45, [typeof(AlertSettingsForm)]),
    ];

    public void MapApi(RouteGroupBuilder api) => api.MapMikrotikEndpoints();
}
