using IspPortal.Core.Reports.Dashboard;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Network;
using IspPortal.Core.Reports.Receivables;
using IspPortal.Core.Reports.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<DashboardSummary>();
        services.AddScoped<ProfitAndLoss>();
        services.AddScoped<BalanceSheet>();
        services.AddScoped<CashFlow>();
        services.AddScoped<ReportExporter>();
        services.AddScoped<ReceivablesAging>();
        services.AddScoped<CollectionMetrics>();
        services.AddScoped<NetworkUptime>();
        services.AddScoped<BandwidthUtilization>();
        return services;
    }
}
