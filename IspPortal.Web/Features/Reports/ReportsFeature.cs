using IspPortal.Core.Identity;
using IspPortal.Web.Features.Reports.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using MudBlazor;

namespace IspPortal.Web.Features.Reports;

public sealed class ReportsFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Dashboard, "Dashboard", "/dashboard", Icons.Material.Filled.Dashboard, Permissions.DashboardRead, 10),
    ];

    public void MapApi(RouteGroupBuilder api) => api.MapReportEndpoints();
}
