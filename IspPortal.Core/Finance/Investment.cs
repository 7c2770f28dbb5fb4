namespace IspPortal.Core.Finance;

/// <summary>
/// An expansion project (table <c>investments</c>), e.g. "Perluasan Karawang 2026": what was planned,
/// when it started, and what belongs to it — locations and routers (whose customers' revenue it earns),
/// assets (its cost and depreciation) and the expenses and assets tagged with it. Its return is
/// computed from the ledger (<see cref="Investments.InvestmentReturns"/>), never stored.
/// </summary>
public class Investment
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }

    /// <summary>Short unique code, e.g. <c>INV-KRW-2026</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Revenue counts from this day.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The budgeted amount (for comparison; the invested amount comes from the linked assets and capital expenses).</summary>
    public decimal PlannedAmount { get; set; }

    public string? Description { get; set; }

    public InvestmentStatus Status { get; set; } = InvestmentStatus.Active;

    public Guid? RecordedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<InvestmentLocation> Locations { get; private set; } = [];

    public List<InvestmentRouter> Routers { get; private set; } = [];

    public List<InvestmentAsset> Assets { get; private set; } = [];
}

/// <summary>A location whose customers' revenue belongs to the investment (table <c>investment_locations</c>).</summary>
public class InvestmentLocation
{
    public int InvestmentId { get; set; }

    public int LocationCodeId { get; set; }
}

/// <summary>A router whose customers' revenue belongs to the investment (table <c>investment_routers</c>).</summary>
public class InvestmentRouter
{
    public int InvestmentId { get; set; }

    public int RouterId { get; set; }
}

/// <summary>An asset bought for the investment (table <c>investment_assets</c>): its cost is invested, its depreciation a cost.</summary>
public class InvestmentAsset
{
    public int InvestmentId { get; set; }

    public int AssetId { get; set; }
}

public enum InvestmentStatus
{
    Planned,
    Active,
    Completed,
    Cancelled,
}
