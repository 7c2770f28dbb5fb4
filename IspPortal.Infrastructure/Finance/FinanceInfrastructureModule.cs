using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Finance;

public static class FinanceInfrastructureModule
{
    public static IServiceCollection AddFinanceInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IJournalWriter, PostgresJournalWriter>();
        services.AddSingleton<IStandardChartSeeder, PostgresStandardChartSeeder>();
        services.AddJob<BudgetAlertJob>(Every.Hour);
        services.AddSingleton<ILedgerPeriodLock, PostgresLedgerPeriodLock>();
        services.AddSingleton<IFinanceCategorySeeder, PostgresFinanceCategorySeeder>();
        services.AddSingleton<IExpenseReceiptStore>(sp => new FileExpenseReceiptStore(
            configuration.StorageFolder(FileExpenseReceiptStore.FolderKey, "expense-receipts"), sp.GetRequiredService<ICustomerPhotoStore>()));
        services.AddSingleton<IAssetCategorySeeder, PostgresAssetCategorySeeder>();
        services.AddJob<DepreciationJob>(Every.Day.AndAtStart);
        services.AddJob<RecurringExpenseJob>(Every.Day.AndAtStart);
        services.AddScoped<ILedgerTotalsCompactor, PostgresLedgerTotalsCompactor>();
        services.AddJob<LedgerTotalsJob>(Every.TenMinutes);
        return services;
    }
}
