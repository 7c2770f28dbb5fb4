using IspPortal.Core.Customers;

namespace IspPortal.Core.Reports.Receivables;

/// <summary>Which customers the aging counts; null counts every one.</summary>
public sealed record AgingFilter(int? LocationId = null, int? RouterId = null, int? PackageId = null, CustomerStatus? Status = null)
{
    public static readonly AgingFilter None = new();
}

/// <summary>The five buckets by days past the due date at the report's date.</summary>
public static class AgingBuckets
{
    public const string NotDue = "Belum jatuh tempo";

    /// <summary>The bucket names, in order; the ranges use an en dash (U+2013).</summary>
    public static readonly IReadOnlyList<string> Names = [NotDue, "1–30", "31–60", "61–90", ">90"];

    /// <summary>0 when not yet past due (due today included), then 1–30, 31–60, 61–90 and over 90 days.</summary>
    public static int IndexOf(int daysPastDue) => daysPastDue switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        _ => 4,
    };
}

/// <param name="Customers">Customers with a non-zero amount in the bucket.</param>
public sealed record AgingBucket(string Name, decimal Amount, int Customers);

/// <param name="Amounts">One amount per bucket, in the order of <see cref="AgingBuckets.Names"/>.</param>
/// <param name="OldestDays">Days past due of the customer's oldest invoice still owed at the date; 0 when none is past due.</param>
public sealed record AgingRow(
    int CustomerId, string Code, string Name, string Location, string? Router, string Package,
    CustomerStatus Status, IReadOnlyList<decimal> Amounts, decimal Total, int OldestDays)
{
    public bool Isolated => Status == CustomerStatus.Isolated;
}

/// <summary>A subtotal over the customers of one location, router or package.</summary>
public sealed record AgingGroup(int? Id, string Name, IReadOnlyList<decimal> Amounts, decimal Total, int Customers);

/// <summary>The aging's headline: the total, the five buckets and how many customers owe anything.</summary>
public sealed record AgingSummary(DateOnly AsOf, decimal Total, IReadOnlyList<AgingBucket> Buckets, int Customers);

/// <param name="Rows">Every customer who owes something at the date, largest first.</param>
/// <param name="TopDebtors">The ten customers owing most, with their isolir state.</param>
public sealed record AgingView(
    DateOnly AsOf, decimal Total, IReadOnlyList<AgingBucket> Buckets, IReadOnlyList<AgingRow> Rows,
    IReadOnlyList<AgingGroup> ByLocation, IReadOnlyList<AgingGroup> ByRouter, IReadOnlyList<AgingGroup> ByPackage,
    IReadOnlyList<AgingRow> TopDebtors)
{
    public AgingSummary Summary => new(AsOf, Total, Buckets, Rows.Count);
}
