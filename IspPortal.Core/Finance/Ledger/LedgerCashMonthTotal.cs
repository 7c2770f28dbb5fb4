using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// A part of one account's debits and credits in one month counted only from the entries that also move cash, bank or
/// gateway clearing (table <c>ledger_cash_month_totals</c>; the cash accounts' own lines are not in it). The direct cash
/// flow classifies money in and out by these other sides; reading them per month keeps a year's statement to a few hundred
/// rows instead of every payment's lines. Appended by the database with every insert of journal lines, folded like
/// <see cref="LedgerMonthTotal"/> by <see cref="ILedgerTotalsCompactor"/>.
/// </summary>
[NotAudited]
public class LedgerCashMonthTotal
{
    private LedgerCashMonthTotal() { }

    public long Id { get; private set; }

    public int AccountId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public decimal Debit { get; private set; }

    public decimal Credit { get; private set; }
}
