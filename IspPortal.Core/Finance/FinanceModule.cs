using IspPortal.Core.Finance.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Finance;

public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<LedgerAccounts>();
        services.AddScoped<BillingLedger>();
        services.AddScoped<TrialBalance>();
        services.AddScoped<JournalSearch>();
        services.AddScoped<AccountLedger>();
        services.AddScoped<ChartOfAccounts>();
        return services;
    }
}
