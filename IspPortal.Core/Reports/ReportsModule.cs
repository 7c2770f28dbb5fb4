using IspPortal.Core.Reports.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<DashboardSummary>();
        return services;
    }
}
