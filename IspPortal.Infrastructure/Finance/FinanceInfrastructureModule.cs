using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Finance;

public static class FinanceInfrastructureModule
{
    public static IServiceCollection AddFinanceInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IJournalWriter, PostgresJournalWriter>();
        services.AddSingleton<IStandardChartSeeder, PostgresStandardChartSeeder>();
        services.AddSingleton<IAssetCategorySeeder, PostgresAssetCategorySeeder>();
        services.AddJob<DepreciationJob>(schedule => schedule.Daily().RunOnceAtStart());
        return services;
    }
}
