using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>One account's debits and credits over a range of days.</summary>
[FeatureApi]
public sealed record AccountSum(int AccountId, decimal Debit, decimal Credit)
{
    public decimal Net => Debit - Credit;
}

/// <summary>
/// Debits and credits per account between two days, read from the month totals for every whole
/// month in the range and from the journal lines only for the partial months at its edges, so a
/// balance over years reads a few hundred rows instead of millions of lines.
/// </summary>
[FeatureApi]
public static class LedgerSums
{
    /// <param name="from">The first day counted; null counts from the first posting.</param>
    /// <param name="to">The last day counted.</param>
    /// <param name="accountId">One account only; null for every account.</param>
    public static IQueryable<AccountSum> Between(IIspDb db, DateOnly? from, DateOnly to, int? accountId = null)
    {
        var lines = accountId is { } lineAccount ? db.JournalLines.Where(l => l.AccountId == lineAccount) : db.JournalLines;
        var totals = accountId is { } totalAccount ? db.LedgerMonthTotals.Where(t => t.AccountId == totalAccount) : db.LedgerMonthTotals;
        return Sum(lines, totals.Select(t => new MonthPart { AccountId = t.AccountId, Month = t.Month, Debit = t.Debit, Credit = t.Credit }), from, to);
    }

    /// <summary>
    /// <see cref="Between(IIspDb, DateOnly?, DateOnly, int?)"/> of the lines tagged with a segment: a location or a router alone reads
    /// <see cref="LedgerSegmentMonthTotal"/> for the whole months; both at once (rare: a router stands at one location) read the lines.
    /// </summary>
    public static IQueryable<AccountSum> Between(IIspDb db, LedgerSegment segment, DateOnly? from, DateOnly to, int? accountId = null)
    {
        if (!segment.Any)
            return Between(db, from, to, accountId);
        var lines = segment.Apply(accountId is { } lineAccount ? db.JournalLines.Where(l => l.AccountId == lineAccount) : db.JournalLines);
        var (dimension, id) = segment switch
        {
            { LocationId: { } location, RouterId: null } => (LedgerDimension.Location, location),
            { LocationId: null, RouterId: { } router } => (LedgerDimension.Router, router),
            _ => (default(LedgerDimension?), 0),
        };
        if (dimension is null)
        {
            var first = from ?? DateOnly.MinValue;
            return lines.Where(l => l.EntryDate >= first && l.EntryDate <= to)
                .GroupBy(l => l.AccountId).Select(g => new AccountSum(g.Key, g.Sum(l => l.Debit), g.Sum(l => l.Credit)));
        }
        var totals = db.LedgerSegmentMonthTotals.Where(t => t.Dimension == dimension && t.DimensionId == id);
        if (accountId is { } totalAccount)
            totals = totals.Where(t => t.AccountId == totalAccount);
        return Sum(lines, totals.Select(t => new MonthPart { AccountId = t.AccountId, Month = t.Month, Debit = t.Debit, Credit = t.Credit }), from, to);
    }

    /// <summary>
    /// Debits and credits per account between two days of the lines on other accounts than cash, bank and clearing in
    /// the entries that move one of those (<see cref="LedgerCashMonthTotal"/>): what the money came from or went to.
    /// </summary>
    /// <param name="cashAccountIds">Every account of kind Cash, Bank or Clearing (the database's totals use the same kinds).</param>
    public static IQueryable<AccountSum> CashCounterparts(IIspDb db, IReadOnlyCollection<int> cashAccountIds, DateOnly from, DateOnly to)
    {
        var cashEntries = db.JournalLines.Where(c => cashAccountIds.Contains(c.AccountId) && c.EntryDate >= from && c.EntryDate <= to)
            .Select(c => c.EntryId);
        var lines = db.JournalLines.Where(l => !cashAccountIds.Contains(l.AccountId) && cashEntries.Contains(l.EntryId));
        var totals = db.LedgerCashMonthTotals.Select(t => new MonthPart { AccountId = t.AccountId, Month = t.Month, Debit = t.Debit, Credit = t.Credit });
        return Sum(lines, totals, from, to);
    }

    private static IQueryable<AccountSum> Sum(IQueryable<JournalLine> lines, IQueryable<MonthPart> totals, DateOnly? from, DateOnly to)
    {
        var (wholeFrom, wholeUntil) = WholeMonths.Within(from, to);
        var first = from ?? DateOnly.MinValue;
        IQueryable<PartSum> parts;
        if (wholeFrom >= wholeUntil)
        {
            parts = lines.Where(l => l.EntryDate >= first && l.EntryDate <= to)
                .Select(l => new PartSum { AccountId = l.AccountId, Debit = l.Debit, Credit = l.Credit });
        }
        else
        {
            parts = totals.Where(t => t.Month >= wholeFrom && t.Month < wholeUntil)
                .Select(t => new PartSum { AccountId = t.AccountId, Debit = t.Debit, Credit = t.Credit });
            // Only the edges that exist: an empty range in the query would still make the planner read lines.
            if (first < wholeFrom)
                parts = parts.Concat(lines.Where(l => l.EntryDate >= first && l.EntryDate < wholeFrom)
                    .Select(l => new PartSum { AccountId = l.AccountId, Debit = l.Debit, Credit = l.Credit }));
            if (wholeUntil <= to)
                parts = parts.Concat(lines.Where(l => l.EntryDate >= wholeUntil && l.EntryDate <= to)
                    .Select(l => new PartSum { AccountId = l.AccountId, Debit = l.Debit, Credit = l.Credit }));
        }
        return parts.GroupBy(p => p.AccountId)
            .Select(g => new AccountSum(g.Key, g.Sum(p => p.Debit), g.Sum(p => p.Credit)));
    }

    private sealed class MonthPart
    {
        public int AccountId { get; init; }

        public DateOnly Month { get; init; }

        public decimal Debit { get; init; }

        public decimal Credit { get; init; }
    }

    // A class with settable members (not a record) so EF can put both halves of the union in one shape.
    private sealed class PartSum
    {
        public int AccountId { get; init; }

        public decimal Debit { get; init; }

        public decimal Credit { get; init; }
    }
}
