using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Finance;

public static class FinanceInfrastructureModule
{
    public static IServiceCollection AddFinanceInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IJournalWriter, PostgresJournalWriter>();
        services.AddSingleton<IStandardChartSeeder, PostgresStandardChartSeeder>();
        services.AddSingleton<ILedgerPeriodLock, PostgresLedgerPeriodLock>();
        return services;
    }
}
