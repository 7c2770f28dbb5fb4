using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.OtherIncome;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Finance;

public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<LedgerAccounts>();
        services.AddScoped<BillingLedger>();
        services.AddScoped<FinanceCategories>();
        services.AddScoped<RecordExpense>();
        services.AddScoped<ReviewExpense>();
        services.AddScoped<ExpenseList>();
        services.AddScoped<RecordIncome>();
        services.AddScoped<IncomeList>();
        return services;
    }
}
