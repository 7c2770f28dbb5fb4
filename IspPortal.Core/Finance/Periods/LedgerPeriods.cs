using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Periods;

/// <param name="Month">The first day of the month.</param>
/// <param name="ClosedBy">The closer's name; null while open (or closed by the system).</param>
/// <param name="LastReopenReason">Why the month was last opened again, if it ever was.</param>
public sealed record LedgerPeriodRow(
    DateOnly Month, bool IsClosed, int Entries, string? ClosedBy, DateTimeOffset? ClosedAt,
    string? LastReopenedBy, DateTimeOffset? LastReopenedAt, string? LastReopenReason);

/// <summary>Every month that has entries or is closed, newest first: its state, who closed it and when, and its last reopening.</summary>
public sealed class LedgerPeriods(IIspDbFactory dbs)
{
    public async Task<IReadOnlyList<LedgerPeriodRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var counts = await db.JournalEntries.AsNoTracking()
            .GroupBy(e => new { e.EntryDate.Year, e.EntryDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var closed = await db.LedgerPeriods.AsNoTracking()
            .Select(p => new { p.Month, p.ClosedAt, By = db.Users.Where(u => u.Id == p.ClosedById).Select(u => u.FullName).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Month, cancellationToken);
        var reopenings = await db.LedgerPeriodReopenings.AsNoTracking()
            .OrderBy(r => r.Id)
            .Select(r => new { r.Month, r.ReopenedAt, r.Reason, By = db.Users.Where(u => u.Id == r.ReopenedById).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var lastReopening = reopenings.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Last());
        var entries = counts.ToDictionary(c => new DateOnly(c.Year, c.Month, 1), c => c.Count);

        return [.. entries.Keys.Union(closed.Keys).OrderDescending().Select(month =>
        {
            var closing = closed.GetValueOrDefault(month);
            var reopening = lastReopening.GetValueOrDefault(month);
            return new LedgerPeriodRow(month, closing is not null, entries.GetValueOrDefault(month), closing?.By, closing?.ClosedAt,
                reopening?.By, reopening?.ReopenedAt, reopening?.Reason);
        })];
    }
}
