using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Periods;

/// <summary>
/// Admin opens the latest closed month again (<see cref="Permissions.FinanceReopen"/>), with a
/// reason: the closing row is deleted (audited) and a <see cref="LedgerPeriodReopening"/> keeps who,
/// when and why (audited too). Reopening a December first reverses that year's closing entry.
/// </summary>
public sealed class ReopenPeriod(IIspDbFactory dbs, ILedgerPeriodLock journalLock, YearEndEntries yearEnd, ICurrentUser currentUser, TimeProvider clock)
{
    public const int ReasonMinLength = 10;

    public async Task<Outcome<LedgerPeriodReopening>> ExecuteAsync(DateOnly month, string reason, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceReopen))
            return Outcome.Refused<LedgerPeriodReopening>("", Actor.NotPermitted);
        reason = reason?.Trim() ?? "";
        if (reason.Length < ReasonMinLength || reason.Length > LedgerPeriod.ReasonMaxLength)
            return Outcome.Refused<LedgerPeriodReopening>("Reason", $"Alasan membuka kembali wajib diisi ({ReasonMinLength}–{LedgerPeriod.ReasonMaxLength} karakter).");
        month = PeriodText.FirstDayOf(month);

        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await journalLock.LockJournalAsync(db, cancellationToken);

        var latest = await db.LedgerPeriods.OrderByDescending(p => p.Month).FirstOrDefaultAsync(cancellationToken);
        if (latest is null || latest.Month < month)
            return Outcome.Refused<LedgerPeriodReopening>("", $"Buku bulan {PeriodText.Month(month)} tidak sedang ditutup.");
        if (latest.Month != month)
            return Outcome.Refused<LedgerPeriodReopening>("", $"Hanya bulan terakhir yang ditutup ({PeriodText.Month(latest.Month)}) yang bisa dibuka kembali.");

        var reopening = new LedgerPeriodReopening(latest, actor.UserId, clock.GetUtcNow(), reason);
        db.LedgerPeriods.Remove(latest);
        db.LedgerPeriodReopenings.Add(reopening);
        await db.SaveChangesAsync(cancellationToken);
        // The month is open again inside this transaction, so the reversal may be dated in it.
        if (month.Month == 12)
            await yearEnd.ReopenAsync(db, month.Year, actor.UserId, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(reopening);
    }
}
