namespace IspPortal.Core.Finance;

/// <summary>
/// Equipment and property the ISP owns (table <c>assets</c>), in its category's ledger accounts
/// and depreciated monthly (<see cref="Assets.DepreciationSchedule"/>) until it is disposed of.
/// </summary>
public class Asset
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 120;
    public const int SerialNumberMaxLength = 100;
    public const int DisposalReasonMaxLength = 500;
    public const int NotesMaxLength = 1000;

    public int Id { get; set; }

    /// <summary>Asset tag, unique, e.g. <c>AST-OLT-0001</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The <see cref="Assets.AssetCategory"/>: which accounts the asset and its depreciation post to.</summary>
    public int CategoryId { get; set; }

    public string? SerialNumber { get; set; }

    public int? LocationCodeId { get; set; }

    /// <summary>The router this asset is (or belongs to), for the depreciation's router dimension.</summary>
    public int? RouterId { get; set; }

    /// <summary>The investment (expansion project) this asset was bought for, if any.</summary>
    public int? InvestmentId { get; set; }

    public DateOnly PurchaseDate { get; set; }

    public decimal PurchaseCost { get; set; }

    /// <summary>What it is expected to be worth at the end of its life.</summary>
    public decimal SalvageValue { get; set; }

    public int UsefulLifeMonths { get; set; }

    public DepreciationMethod DepreciationMethod { get; set; } = DepreciationMethod.StraightLine;

    /// <summary>Yearly rate in percent for declining balance (e.g. 50.00 for double-declining over 4 years).</summary>
    public decimal? DecliningRate { get; set; }

    /// <summary>The Cash or Bank account that paid for it; null when it is owed (Utang usaha).</summary>
    public int? PaidFromAccountId { get; set; }

    public decimal AccumulatedDepreciation { get; private set; }

    /// <summary>The month-end up to which depreciation has been booked.</summary>
    public DateOnly? DepreciatedThrough { get; private set; }

    public AssetStatus Status { get; set; } = AssetStatus.InUse;

    public DateOnly? DisposedOn { get; private set; }

    public DisposalKind? DisposalKind { get; private set; }

    /// <summary>What the sale brought in (zero when scrapped).</summary>
    public decimal? DisposalAmount { get; private set; }

    /// <summary>The Cash or Bank account the proceeds went to.</summary>
    public int? DisposalAccountId { get; private set; }

    public string? DisposalReason { get; private set; }

    public string? Notes { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public decimal BookValue => PurchaseCost - AccumulatedDepreciation;

    public decimal DepreciableAmount => PurchaseCost - SalvageValue;

    public bool IsDisposed => Status == AssetStatus.Disposed;

    /// <summary>Books the depreciation of the months through <paramref name="monthEnd"/>, never below the salvage value.</summary>
    public void Depreciate(decimal amount, DateOnly monthEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (DepreciatedThrough is { } done && monthEnd <= done)
            throw new InvalidOperationException($"Asset {Code} is already depreciated through {done:yyyy-MM-dd}.");
        if (AccumulatedDepreciation + amount > DepreciableAmount)
            throw new InvalidOperationException($"Asset {Code} cannot be depreciated below its salvage value.");
        AccumulatedDepreciation += amount;
        DepreciatedThrough = monthEnd;
    }

    public void RecordDisposal(DateOnly on, DisposalKind kind, decimal amount, int? accountId, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (IsDisposed)
            throw new InvalidOperationException($"Asset {Code} is already disposed of.");
        Status = AssetStatus.Disposed;
        DisposedOn = on;
        DisposalKind = kind;
        DisposalAmount = amount;
        DisposalAccountId = amount > 0 ? accountId : null;
        DisposalReason = reason;
    }
}

public enum DepreciationMethod
{
    StraightLine,
    DecliningBalance,
}

public enum AssetStatus
{
    InUse,
    InStorage,
    UnderRepair,
    Disposed,
}

public enum DisposalKind
{
    Sold,
    Scrapped,
}
