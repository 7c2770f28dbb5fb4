using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Statements;

/// <summary>The sums the statements read: month totals through <see cref="LedgerSums"/>, never every line.</summary>
internal static class StatementBooks
{
    /// <summary>Debit minus credit per account over the days, every entry counted (balances as they stand).</summary>
    public static async Task<Dictionary<int, decimal>> NetAsync(IIspDb db, DateOnly? from, DateOnly to, CancellationToken cancellationToken) =>
        await LedgerSums.Between(db, from, to).ToDictionaryAsync(s => s.AccountId, s => s.Net, cancellationToken);

    /// <summary>
    /// Debit minus credit per account over the days without the year-end closing entries (and their
    /// reopenings): what the year earned and spent. Closing (<c>YearEndEntries</c>) posts one entry dated
    /// 31 December that empties every revenue and expense account into Laba ditahan; counted, it would make
    /// any range ending on or after that day show no profit for the closed year.
    /// </summary>
    public static async Task<Dictionary<int, decimal>> OperationsAsync(IIspDb db, DateOnly? from, DateOnly to, CancellationToken cancellationToken) =>
        await OperationsAsync(db, from, to, LedgerSegment.None, cancellationToken);

    /// <summary>
    /// The same of a segment's lines only (<see cref="LedgerSegment"/>): its month totals and the lines of the partial months.
    /// </summary>
    public static async Task<Dictionary<int, decimal>> OperationsAsync(IIspDb db, DateOnly? from, DateOnly to, LedgerSegment segment, CancellationToken cancellationToken)
    {
        var nets = segment.Any ? await SegmentNetAsync(db, from, to, segment, cancellationToken) : await NetAsync(db, from, to, cancellationToken);
        foreach (var (accountId, net) in await ClosingsAsync(db, from, to, segment, cancellationToken))
            nets[accountId] = nets.GetValueOrDefault(accountId) - net;
        return nets;
    }

    private static async Task<Dictionary<int, decimal>> SegmentNetAsync(IIspDb db, DateOnly? from, DateOnly to, LedgerSegment segment, CancellationToken cancellationToken) =>
        await LedgerSums.Between(db, segment, from, to).ToDictionaryAsync(s => s.AccountId, s => s.Net, cancellationToken);

    /// <summary>The closing and reopening entries' lines in the days: one entry a year, read through the source index.</summary>
    private static async Task<List<(int AccountId, decimal Net)>> ClosingsAsync(IIspDb db, DateOnly? from, DateOnly to, LedgerSegment segment, CancellationToken cancellationToken)
    {
        var first = from ?? DateOnly.MinValue;
        var entries = db.JournalEntries
            .Where(e => (e.SourceType == JournalSource.YearClose || e.SourceType == JournalSource.YearReopen) && e.EntryDate >= first && e.EntryDate <= to)
            .Select(e => e.Id);
        var rows = await segment.Apply(db.JournalLines.AsNoTracking())
            .Where(l => entries.Contains(l.EntryId))
            .GroupBy(l => l.AccountId)
            .Select(g => new { AccountId = g.Key, Net = g.Sum(l => l.Debit - l.Credit) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.AccountId, r.Net))];
    }

    public static async Task<Dictionary<int, LedgerAccount>> AccountsAsync(IIspDb db, CancellationToken cancellationToken) =>
        await db.LedgerAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
}
