using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Periods;

/// <summary>
/// Finance closes a month (Tutup buku): only one that has ended in the ISP's time zone, only after
/// every earlier month with entries is closed, and once. With the journal locked it runs the
/// closing steps (<see cref="IPeriodClosingStep"/>), posts the year-end entry when the month is
/// December, then writes the closing row; from then on the database refuses any entry dated in it.
/// </summary>
public sealed class ClosePeriod(
    IIspDbFactory dbs, ILedgerPeriodLock journalLock, IEnumerable<IPeriodClosingStep> steps, YearEndEntries yearEnd,
    IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<LedgerPeriod>> ExecuteAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<LedgerPeriod>("", Actor.NotPermitted);
        month = PeriodText.FirstDayOf(month);
        var today = await ispClock.TodayAsync(cancellationToken);
        if (month.AddMonths(1) > today)
            return Outcome.Refused<LedgerPeriod>("", $"Bulan {PeriodText.Month(month)} belum berakhir; buku hanya bisa ditutup setelah akhir bulan.");

        foreach (var step in steps)
        {
            if (await step.PrepareAsync(month, cancellationToken) is { } notPrepared)
                return Outcome.Refused<LedgerPeriod>("", notPrepared);
        }

        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await journalLock.LockJournalAsync(db, cancellationToken);

        if (await db.LedgerPeriods.AnyAsync(p => p.Month == month, cancellationToken))
            return Outcome.Refused<LedgerPeriod>("", $"Buku bulan {PeriodText.Month(month)} sudah ditutup.");
        if (await EarliestOpenMonthBeforeAsync(db, month, cancellationToken) is { } open)
            return Outcome.Refused<LedgerPeriod>("", $"Tutup dulu buku bulan {PeriodText.Month(open)}: bulan ditutup berurutan.");

        foreach (var step in steps)
        {
            if (await step.CheckAsync(db, month, cancellationToken) is { } notReady)
                return Outcome.Refused<LedgerPeriod>("", notReady);
        }
        if (month.Month == 12)
            await yearEnd.CloseAsync(db, month.Year, actor.UserId, cancellationToken);

        var period = new LedgerPeriod(month, actor.UserId, clock.GetUtcNow());
        db.LedgerPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(period);
    }

    /// <summary>The first month before <paramref name="month"/> that has entries and is still open, if any.</summary>
    private static async Task<DateOnly?> EarliestOpenMonthBeforeAsync(IIspDb db, DateOnly month, CancellationToken cancellationToken)
    {
        var closed = await db.LedgerPeriods.AsNoTracking().Where(p => p.Month < month).Select(p => p.Month).ToListAsync(cancellationToken);
        // Closed months mostly form one run up to the month before; only the gaps need a look at the journal.
        var from = DateOnly.MinValue;
        foreach (var closedMonth in closed.Order().Append(month))
        {
            if (closedMonth > from)
            {
                var gapStart = from;
                var first = await db.JournalEntries.AsNoTracking()
                    .Where(e => e.EntryDate >= gapStart && e.EntryDate < closedMonth)
                    .OrderBy(e => e.EntryDate)
                    .Select(e => (DateOnly?)e.EntryDate)
                    .FirstOrDefaultAsync(cancellationToken);
                if (first is { } day)
                    return PeriodText.FirstDayOf(day);
            }
            from = closedMonth.AddMonths(1);
        }
        return null;
    }
}
