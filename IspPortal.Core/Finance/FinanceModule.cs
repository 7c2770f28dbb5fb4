using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Finance;

public static class FinanceModule
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<LedgerAccounts>();
        services.AddScoped<BillingLedger>();
        services.AddScoped<AssetCategories>();
        services.AddScoped<AssetPostings>();
        services.AddScoped<RegisterAsset>();
        services.AddScoped<DepreciateAssets>();
        services.AddScoped<DisposeAsset>();
        services.AddScoped<AssetBook>();
        return services;
    }
}
