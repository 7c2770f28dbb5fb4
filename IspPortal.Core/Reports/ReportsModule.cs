using IspPortal.Core.Reports.Dashboard;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Network;
using IspPortal.Core.Reports.Receivables;
using IspPortal.Core.Reports.Saved;
using IspPortal.Core.Reports.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<DashboardSummary>();
        services.AddSingleton<SharedDashboardCounts>();
        services.AddScoped<ProfitAndLoss>();
        services.AddScoped<BalanceSheet>();
        services.AddScoped<CashFlow>();
        services.AddScoped<ReportExporter>();
        services.AddScoped<ReceivablesAging>();
        services.AddScoped<CollectionMetrics>();
        // Saved reports: one IReportSource per report that can be saved and scheduled.
        services.AddScoped<IReportSource, ProfitLossSource>();
        services.AddScoped<IReportSource, BalanceSheetSource>();
        services.AddScoped<IReportSource, CashFlowSource>();
        services.AddScoped<IReportSource, AgingSource>();
        services.AddScoped<IReportSource, MrrSource>();
        services.AddScoped<IReportSource, ChurnSource>();
        services.AddScoped<IReportSource, UptimeSource>();
        services.AddScoped<IReportSource, BandwidthSource>();
        services.AddScoped<ReportCatalog>();
        services.AddScoped<SavedReports>();
        services.AddScoped<ReportSchedules>();
        services.AddScoped<ReportMailer>();
        services.AddScoped<DeliverSavedReports>();
        services.AddScoped<ManagerTrends>();
        services.AddScoped<ITrendSource, CollectionRateTrend>();
        services.AddScoped<ITrendSource, ArrearsTrend>();
        services.AddScoped<ITrendSource, RevenueTrends>();
        services.AddScoped<ITrendSource, UptimeTrend>();
        services.AddScoped<ITrendSource, TicketTrends>();
        services.AddScoped<FinanceLanding>();
        services.AddScoped<Revenue.MrrMovement>();
        services.AddScoped<Revenue.CustomerChurn>();
        services.AddScoped<NetworkUptime>();
        services.AddScoped<BandwidthUtilization>();
        return services;
    }
}
