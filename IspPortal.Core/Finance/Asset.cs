namespace IspPortal.Core.Finance;

/// <summary>Equipment and property the ISP owns, depreciated monthly (table <c>assets</c>).</summary>
public class Asset
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 120;
    public const int CategoryMaxLength = 64;
    public const int SerialNumberMaxLength = 100;
    public const int DisposalReasonMaxLength = 500;

    public int Id { get; set; }

    /// <summary>Asset tag, unique, e.g. <c>AST-OLT-0001</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>e.g. router, OLT, fibre, vehicle, building.</summary>
    public string Category { get; set; } = "";

    public string? SerialNumber { get; set; }

    public int? LocationCodeId { get; set; }

    /// <summary>The router this asset is, when it is one.</summary>
    public int? RouterId { get; set; }

    public DateOnly PurchaseDate { get; set; }

    public decimal PurchaseCost { get; set; }

    /// <summary>What it is expected to be worth at the end of its life.</summary>
    public decimal SalvageValue { get; set; }

    public int UsefulLifeMonths { get; set; }

    public DepreciationMethod DepreciationMethod { get; set; } = DepreciationMethod.StraightLine;

    /// <summary>Yearly rate in percent for declining balance (e.g. 50.00 for double-declining over 4 years).</summary>
    public decimal? DecliningRate { get; set; }

    public decimal AccumulatedDepreciation { get; private set; }

    /// <summary>The month-end up to which depreciation has been booked.</summary>
    public DateOnly? DepreciatedThrough { get; private set; }

    public AssetStatus Status { get; set; } = AssetStatus.InUse;

    public DateOnly? DisposedOn { get; private set; }

    public decimal? DisposalAmount { get; private set; }

    public string? DisposalReason { get; private set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public decimal BookValue => PurchaseCost - AccumulatedDepreciation;

    public decimal DepreciableAmount => PurchaseCost - SalvageValue;

    /// <summary>Books one month's depreciation, never below the salvage value.</summary>
    public decimal Depreciate(decimal amount, DateOnly monthEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (DepreciatedThrough is { } done && monthEnd <= done)
        {
            throw new InvalidOperationException($"Asset {Code} is already depreciated through {done:yyyy-MM-dd}.");
        }
        var booked = Math.Min(amount, DepreciableAmount - AccumulatedDepreciation);
        AccumulatedDepreciation += booked;
        DepreciatedThrough = monthEnd;
        return booked;
    }

    public void RecordDisposal(DateOnly on, decimal amount, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Status = AssetStatus.Disposed;
        DisposedOn = on;
        DisposalAmount = amount;
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
