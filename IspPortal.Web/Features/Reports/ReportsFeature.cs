using IspPortal.Core.Identity;
using IspPortal.Web.Features.Identity.Authentication;
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
        new(NavSections.Reports, "Laba rugi", "/reports/profit-loss", Icons.Material.Filled.TrendingUp, Permissions.ReportsRead, 10),
        new(NavSections.Reports, "Neraca", "/reports/balance-sheet", Icons.Material.Filled.Balance, Permissions.ReportsRead, 20),
        new(NavSections.Reports, "Arus kas", "/reports/cash-flow", Icons.Material.Filled.Payments, Permissions.ReportsRead, 30),
        new(NavSections.Reports, "Piutang", "/reports/receivables", Icons.Material.Filled.RequestQuote, Permissions.ReportsRead, 40),
        new(NavSections.Reports, "Pelanggan & pendapatan", "/reports/customers", Icons.Material.Filled.Groups, Permissions.ReportsRead, 50),
        new(NavSections.Reports, "Uptime jaringan", "/reports/uptime", Icons.Material.Filled.NetworkCheck, PermissionPolicies.NetworkReports, 60),
        new(NavSections.Reports, "Bandwidth", "/reports/bandwidth", Icons.Material.Filled.Speed, PermissionPolicies.NetworkReports, 70),
        new(NavSections.Reports, "Laporan tersimpan", "/reports/saved", Icons.Material.Filled.BookmarkBorder, Permissions.ReportsRead, 90),
    ];

    public void MapApi(RouteGroupBuilder api) => api.MapReportEndpoints().MapReceivablesEndpoints().MapSavedReportEndpoints()
        .MapRevenueEndpoints().MapNetworkReportEndpoints();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapReportDownloads();
}
