using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// A part of one account's debits and credits in one month (table <c>ledger_month_totals</c>),
/// appended by the database with every insert of journal lines and folded into one row per account
/// and month by <see cref="ILedgerTotalsCompactor"/>. Balances then add a few month rows instead of
/// every line before a date. Appending (not updating one row) keeps concurrent postings from
/// waiting on each other or deadlocking on a hot account such as Piutang usaha.
/// </summary>
[NotAudited]
public class LedgerMonthTotal
{
    private LedgerMonthTotal() { }

    public long Id { get; private set; }

    public int AccountId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public decimal Debit { get; private set; }

    public decimal Credit { get; private set; }
}

/// <summary>Folds <see cref="LedgerMonthTotal"/> and <see cref="LedgerCashMonthTotal"/> parts into one row per account and month.</summary>
public interface ILedgerTotalsCompactor
{
    /// <returns>How many parts were folded.</returns>
    Task<int> CompactAsync(CancellationToken cancellationToken = default);
}
