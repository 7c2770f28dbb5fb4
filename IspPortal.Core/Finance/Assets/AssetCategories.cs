using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Assets;

/// <summary>Adds the standard categories that are missing (by code), in the caller's transaction, safe from two instances at once.</summary>
public interface IAssetCategorySeeder
{
    Task EnsureAsync(IIspDb db, AccountMap accounts, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads the asset categories. A database without them (a new install, a test database emptied
/// between tests) gets the standard ones first, their accounts found by code in the chart.
/// </summary>
public sealed class AssetCategories(LedgerAccounts accounts, IAssetCategorySeeder seeder)
{
    public async Task<IReadOnlyList<AssetCategory>> ListAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        var categories = await db.AssetCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        if (categories.Count == 0)
        {
            await seeder.EnsureAsync(db, await accounts.MapAsync(db, cancellationToken), cancellationToken);
            categories = await db.AssetCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        }
        return categories;
    }
}
