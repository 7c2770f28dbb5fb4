using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>The dimension a <see cref="LedgerSegmentMonthTotal"/> sums by.</summary>
public enum LedgerDimension
{
    Location,
    Router,
}

/// <summary>
/// A part of one account's debits and credits in one month on the lines tagged with one location or one router (table
/// <c>ledger_segment_month_totals</c>): the P&amp;L of a location over a year reads a few hundred of these instead of its lines.
/// Appended by the database with every insert of journal lines (a line with both tags counts once under each), folded like
/// <see cref="LedgerMonthTotal"/> by <see cref="ILedgerTotalsCompactor"/>.
/// </summary>
[NotAudited]
public class LedgerSegmentMonthTotal
{
    private LedgerSegmentMonthTotal() { }

    public long Id { get; private set; }

    public LedgerDimension Dimension { get; private set; }

    /// <summary>The location's or the router's id, by <see cref="Dimension"/>.</summary>
    public int DimensionId { get; private set; }

    public int AccountId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public decimal Debit { get; private set; }

    public decimal Credit { get; private set; }
}
