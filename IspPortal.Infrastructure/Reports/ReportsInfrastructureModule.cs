using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Receivables;
using IspPortal.Core.Reports.Saved;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Core.Reports.Network;
using IspPortal.Infrastructure.Reports.Network;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Reports;

public static class ReportsInfrastructureModule
{
    /// <summary>The report export writers <see cref="ReportExporter"/> chooses from, one per <see cref="ExportFormat"/>.</summary>
    public static IServiceCollection AddReportsInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IReportWriter, CsvReportWriter>();
        services.AddSingleton<IReportWriter, XlsxReportWriter>();
        services.AddSingleton<IReportWriter, PdfReportWriter>();
        services.AddSingleton<IAllocationTotals, PostgresAllocationTotals>();
        services.AddSingleton<IReportDeliveryClaims, PostgresReportDeliveryClaims>();
        services.AddJob<SavedReportDeliveryJob>(Every.Minute);
        services.AddScoped<Core.Reports.Revenue.IRevenueQueries, PostgresRevenueQueries>();
        services.AddScoped<INetworkFigures, PostgresNetworkFigures>();
        services.AddScoped<UptimeDayStore>();
        services.AddJob<UptimeDaysJob>(Every.Hour.AndAtStart);
        return services;
    }
}
