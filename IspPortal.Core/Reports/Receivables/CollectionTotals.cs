using IspPortal.Core.Common;

namespace IspPortal.Core.Reports.Receivables;

/// <summary>
/// A part of the totals of the invoices issued in one month, not void (table <c>billed_month_totals</c>): appended by the database
/// with every insert and update of invoices (an invoice voided later takes its total back out of its month), folded by
/// <see cref="Finance.Ledger.ILedgerTotalsCompactor"/>. The collection report reads a year's billing from a dozen rows.
/// </summary>
[NotAudited]
public class BilledMonthTotal
{
    private BilledMonthTotal() { }

    public long Id { get; private set; }

    /// <summary>The first day of the month the invoices were issued in.</summary>
    public DateOnly Month { get; private set; }

    public decimal Amount { get; private set; }
}

/// <summary>
/// A part of the allocations of payments to invoices made in one quarter of an hour by one payment method (table
/// <c>allocation_quarter_totals</c>), appended by the database with every insert of allocations (which are never changed). A quarter
/// of an hour lies within one day in every time zone (all are whole quarters of an hour from UTC), so the collection report sums
/// them per month and day of the ISP's zone, whichever it is, without reading every allocation.
/// </summary>
[NotAudited]
public class AllocationQuarterTotal
{
    private AllocationQuarterTotal() { }

    public long Id { get; private set; }

    /// <summary>The start of the quarter of an hour (UTC).</summary>
    public DateTimeOffset Quarter { get; private set; }

    public Billing.PaymentMethod Method { get; private set; }

    public decimal Amount { get; private set; }

    public int Count { get; private set; }

    /// <summary>The sum over the allocations of their invoice's issue date as days since 1 January 2000.</summary>
    public long IssueDays { get; private set; }
}
