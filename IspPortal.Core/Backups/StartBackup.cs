using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Backups;

/// <summary>
/// Records a new run as Running, or refuses while another is running on any instance (the partial
/// unique index on running runs decides). <see cref="RunBackup"/> then writes the archive.
/// </summary>
public sealed class StartBackup(IIspDbFactory dbs, ICurrentUser currentUser, IDatabaseErrors errors, TimeProvider clock)
{
    public const string AlreadyRunning = "Pencadangan lain sedang berjalan. Tunggu sampai selesai.";

    /// <summary>A run still Running after this long died with its instance: it no longer blocks new runs.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(12);

    public async Task<Outcome<BackupRun>> ExecuteAsync(BackupTrigger trigger, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.BackupsWrite))
            return Outcome.Refused<BackupRun>("", Actor.NotPermitted);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var abandoned = await db.BackupRuns
            .Where(r => r.Status == BackupRunStatus.Running && r.StartedAt < now - AbandonedAfter)
            .ToListAsync(cancellationToken);
        foreach (var run in abandoned)
            run.Fail("Terhenti: instance portal berhenti sebelum pencadangan selesai.", now);

        var started = new BackupRun(trigger, actor.Name, now);
        db.BackupRuns.Add(started);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) is not null)
        {
            return Outcome.Refused<BackupRun>("", AlreadyRunning);
        }
        return Outcome.Done(started);
    }
}
