using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Finance;

public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<LedgerAccounts>();
        services.AddScoped<BillingLedger>();
        services.AddScoped<LedgerBackfill>();
        services.AddScoped<BudgetPlans>();
        services.AddScoped<BudgetAlerts>();
        return services;
    }
}
