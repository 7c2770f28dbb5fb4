namespace IspPortal.Core.Finance.Assets;

/// <summary>
/// A kind of fixed asset (table <c>asset_categories</c>): the ledger account its cost sits in, the
/// account its depreciation accumulates in, and the life and method an asset of it starts with.
/// </summary>
public class AssetCategory
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 120;

    private AssetCategory() { }

    public AssetCategory(string code, string name, int assetAccountId, int accumulatedDepreciationAccountId, int defaultUsefulLifeMonths, DepreciationMethod defaultMethod)
    {
        Code = code;
        Name = name;
        AssetAccountId = assetAccountId;
        AccumulatedDepreciationAccountId = accumulatedDepreciationAccountId;
        DefaultUsefulLifeMonths = defaultUsefulLifeMonths;
        DefaultMethod = defaultMethod;
    }

    public int Id { get; private set; }

    /// <summary>e.g. <c>network</c>; unique.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public int AssetAccountId { get; private set; }

    public int AccumulatedDepreciationAccountId { get; private set; }

    public int DefaultUsefulLifeMonths { get; private set; }

    public DepreciationMethod DefaultMethod { get; private set; }

    /// <summary>The declining-balance rate that matches the default life: double the straight-line rate (50% a year over 4 years).</summary>
    public decimal DefaultDecliningRate => DecliningRateFor(DefaultUsefulLifeMonths);

    public static decimal DecliningRateFor(int usefulLifeMonths) =>
        usefulLifeMonths <= 0 ? 0 : Math.Min(100m, Math.Round(2m * 1200m / usefulLifeMonths, 2, MidpointRounding.AwayFromZero));
}

/// <summary>A category a new portal starts with; its accounts come from the standard chart by code.</summary>
public sealed record StandardAssetCategory(string Code, string Name, string AssetAccountCode, string AccumulatedDepreciationAccountCode, int UsefulLifeMonths, DepreciationMethod Method = DepreciationMethod.StraightLine);

/// <summary>
/// The categories of an Indonesian ISP's fixed assets, with lives from the tax groups of PMK
/// 96/2009 (network gear and office equipment 4 years, vehicles 8, fibre 10 as Finance usually
/// books it, towers 15, buildings 20).
/// </summary>
public static class StandardAssetCategories
{
    public static readonly IReadOnlyList<StandardAssetCategory> All =
    [
        new("building", "Bangunan", "1-2100", "1-2101", 240),
        new("network", "Perangkat jaringan (router, OLT, switch)", "1-2200", "1-2201", 48),
        new("fiber", "Jaringan fiber optik", "1-2300", "1-2301", 120),
        new("tower", "Menara dan tiang", "1-2400", "1-2401", 180),
        new("vehicle", "Kendaraan", "1-2500", "1-2501", 96),
        new("office", "Peralatan kantor dan komputer", "1-2600", "1-2601", 48),
    ];
}
