using IspPortal.Core.Common;
using IspPortal.Core.Network.Monitoring;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Backups;

/// <summary>
/// Carries a started run to its end: writes the archive, applies retention, copies it off-site
/// when configured (a failed copy is retried, then reported on the run, not a failed backup), and
/// opens the portal's backup alert when the backup itself fails (the next good one resolves it:
/// <see cref="PortalAlerts"/>, which tells the roles chosen for it).
/// </summary>
public sealed class RunBackup(
    IIspDbFactory dbs, IBackupArchives archives, IOffsiteBackupCopy offsite, PortalAlerts alerts,
    PortalSettings settings, IspClock ispClock, TimeProvider clock, ILogger<RunBackup> logger)
{
    public const int OffsiteAttempts = 3;

    public async Task<BackupRun?> ExecuteAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var run = await db.BackupRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is not { Status: BackupRunStatus.Running })
            return run;

        var zone = await ispClock.ZoneAsync(cancellationToken);
        var stem = $"ispportal-{TimeZoneInfo.ConvertTime(run.StartedAt, zone):yyyyMMdd-HHmmss}-{run.Id}";
        try
        {
            var archive = await archives.WriteAsync(stem, cancellationToken);
            run.Succeed(archive.File, archive.SizeBytes, archive.Sha256, clock.GetUtcNow(), offsite.Configured);
            await db.SaveChangesAsync(cancellationToken);
            await TellAsync(() => alerts.BackupSucceededAsync(CancellationToken.None), run);
        }
        catch (Exception exception)
        {
            // Stopped with the portal too: a run left Running would hold off new runs until it counts as abandoned.
            logger.LogError(exception, "Backup run {RunId} failed", run.Id);
            run.Fail(exception is OperationCanceledException ? "Dihentikan: portal berhenti saat pencadangan berjalan." : exception.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            await TellAsync(() => alerts.BackupFailedAsync(run.Error ?? "", CancellationToken.None), run);
            return run;
        }

        await ApplyRetentionAsync(db, zone, cancellationToken);
        if (offsite.Configured && run.File is { } file && archives.PathOf(file) is { } path)
        {
            await CopyOffsiteAsync(run, path, file, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return run;
    }

    /// <summary>The run's outcome is saved whatever the alert does: an alert that fails is only logged.</summary>
    private async Task TellAsync(Func<Task> alert, BackupRun run)
    {
        try
        {
            await alert();
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The alert for backup run {RunId} ({Status}) could not be saved", run.Id, run.Status);
        }
    }

    private async Task ApplyRetentionAsync(IIspDb db, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rules = await settings.GetAsync<BackupSettings>(cancellationToken);
        var withArchives = await db.BackupRuns
            .Where(r => r.Status == BackupRunStatus.Succeeded && r.File != null)
            .ToListAsync(cancellationToken);
        foreach (var old in BackupRetention.ToDelete(withArchives, r => TimeZoneInfo.ConvertTime(r.StartedAt, zone).DateTime, rules))
        {
            archives.Delete(old.File!);
            old.Pruned();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CopyOffsiteAsync(BackupRun run, string path, string file, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await offsite.CopyAsync(path, file, cancellationToken);
                run.OffsiteCopied();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Off-site copy of backup {RunId}, attempt {Attempt} of {Attempts}, failed", run.Id, attempt, OffsiteAttempts);
                if (attempt >= OffsiteAttempts)
                {
                    run.OffsiteFailed(exception.Message);
                    return;
                }
            }
        }
    }
}
