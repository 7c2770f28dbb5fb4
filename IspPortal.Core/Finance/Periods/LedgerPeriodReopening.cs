using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Finance.Periods;

/// <summary>
/// A closed month opened again (table <c>ledger_period_reopenings</c>): who, when, why, and whose
/// closing it undid. Written in the transaction that deletes the <see cref="LedgerPeriod"/> row, so
/// the audit log holds the reason next to the deleted closing.
/// </summary>
public class LedgerPeriodReopening
{
    private LedgerPeriodReopening() { }

    public LedgerPeriodReopening(LedgerPeriod closed, Guid? reopenedById, DateTimeOffset reopenedAt, string reason)
    {
        Month = closed.Month;
        ClosedById = closed.ClosedById;
        ClosedAt = closed.ClosedAt;
        ReopenedById = reopenedById;
        ReopenedAt = reopenedAt;
        Reason = reason;
    }

    public long Id { get; private set; }

    /// <summary>The first day of the month reopened.</summary>
    public DateOnly Month { get; private set; }

    public Guid? ClosedById { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }

    public Guid? ReopenedById { get; private set; }

    public DateTimeOffset ReopenedAt { get; private set; }

    public string Reason { get; private set; } = "";
}
