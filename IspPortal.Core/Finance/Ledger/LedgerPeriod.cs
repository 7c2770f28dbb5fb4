namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// A closed month (table <c>ledger_periods</c>, one row per closed month): the database refuses any
/// entry dated in it. Reopening deletes the row (Admin, with a reason in the audit log).
/// </summary>
public class LedgerPeriod
{
    public const int ReasonMaxLength = 500;

    private LedgerPeriod() { }

    public LedgerPeriod(DateOnly month, Guid? closedById, DateTimeOffset closedAt)
    {
        Month = new DateOnly(month.Year, month.Month, 1);
        ClosedById = closedById;
        ClosedAt = closedAt;
    }

    /// <summary>The first day of the closed month.</summary>
    public DateOnly Month { get; private set; }

    public Guid? ClosedById { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }
}
