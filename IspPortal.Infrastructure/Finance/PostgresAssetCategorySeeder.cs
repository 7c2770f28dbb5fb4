using IspPortal.Core.Common;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Inserts the standard categories whose code is free and whose accounts exist; a conflict (another instance seeding) is skipped, not raised.</summary>
public sealed class PostgresAssetCategorySeeder : IAssetCategorySeeder
{
    public async Task EnsureAsync(IIspDb db, AccountMap accounts, CancellationToken cancellationToken = default)
    {
        foreach (var category in StandardAssetCategories.All)
        {
            if (accounts.ByCode(category.AssetAccountCode) is not { } asset || accounts.ByCode(category.AccumulatedDepreciationAccountCode) is not { } accumulated)
                continue;
            var method = category.Method.ToString();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO asset_categories (code, name, asset_account_id, accumulated_depreciation_account_id, default_useful_life_months, default_method)
                VALUES ({category.Code}, {category.Name}, {asset.Id}, {accumulated.Id}, {category.UsefulLifeMonths}, {method})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
    }
}
