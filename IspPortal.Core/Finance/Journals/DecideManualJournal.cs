using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Journals;

/// <summary>
/// A second Finance or Admin user approves a pending manual journal (it posts, once, even when two
/// approve at the same moment) or rejects it with a reason (nothing posts). The requester cannot
/// approve their own entry; they may reject (withdraw) it. Approval checks the month is still open.
/// </summary>
public sealed class DecideManualJournal(IIspDbFactory dbs, IDatabaseLocks locks, ManualJournalPosting posting, ICurrentUser currentUser, TimeProvider clock)
{
    public Task<Outcome<ManualJournal>> ApproveAsync(long id, CancellationToken cancellationToken = default) =>
        DecideAsync(id, async (db, journal, actor) =>
        {
            if (journal.RequestedById == actor.UserId)
                return "Jurnal tidak bisa disetujui oleh pembuatnya sendiri; minta pengguna Keuangan atau Admin lain.";
            if (await ManualJournalPosting.ProblemAsync(db, journal, cancellationToken) is { } problem)
                return problem;
            journal.Posted(await posting.PostAsync(db, journal, cancellationToken), actor.UserId, clock.GetUtcNow());
            return null;
        }, cancellationToken);

    public Task<Outcome<ManualJournal>> RejectAsync(long id, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > ManualJournal.RejectionReasonMaxLength)
            return Task.FromResult(Outcome.Refused<ManualJournal>("Reason", $"Alasan penolakan wajib diisi (maks. {ManualJournal.RejectionReasonMaxLength} karakter)."));
        return DecideAsync(id, (_, journal, actor) =>
        {
            journal.Reject(reason, actor.UserId, clock.GetUtcNow());
            return Task.FromResult<string?>(null);
        }, cancellationToken);
    }

    private async Task<Outcome<ManualJournal>> DecideAsync(long id, Func<IIspDb, ManualJournal, Actor, Task<string?>> decide, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<ManualJournal>("", Actor.NotPermitted);
        if (actor.UserId is null)
            return Outcome.Refused<ManualJournal>("", "Jurnal manual diputuskan oleh pengguna Keuangan atau Admin yang masuk, bukan kunci API.");

        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two decisions at once: the second waits here and then sees the first one's outcome.
        await locks.LockForTransactionAsync(db, "manual-journal:" + id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var journal = await db.ManualJournals.Include(j => j.Lines).SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (journal is null)
            return Outcome.Refused<ManualJournal>("", "Jurnal manual tidak ditemukan.");
        if (journal.Status != ManualJournalStatus.Pending)
            return Outcome.Refused<ManualJournal>("", $"Jurnal {journal.Number} sudah {(journal.Status == ManualJournalStatus.Posted ? "diposting" : "ditolak")}.");
        if (await decide(db, journal, actor) is { } refused)
            return Outcome.Refused<ManualJournal>("", refused);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(journal);
    }
}
