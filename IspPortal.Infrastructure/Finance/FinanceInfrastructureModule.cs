using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Finance;

public static class FinanceInfrastructureModule
{
    public static IServiceCollection AddFinanceInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IJournalWriter, PostgresJournalWriter>();
        services.AddSingleton<IStandardChartSeeder, PostgresStandardChartSeeder>();
        services.AddJob<BudgetAlertJob>(schedule => schedule.Hourly());
        services.AddSingleton<ILedgerPeriodLock, PostgresLedgerPeriodLock>();
        return services;
    }
}
