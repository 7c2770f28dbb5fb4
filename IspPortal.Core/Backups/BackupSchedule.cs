using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Backups;

/// <summary>
/// What the scheduler calls every minute: once the day's backup time has come (ISP's time zone) and
/// no scheduled run started since, one run, carried to its end here.
/// </summary>
public sealed class BackupSchedule(IIspDbFactory dbs, PortalSettings settings, IspClock ispClock, StartBackup start, RunBackup run, ILogger<BackupSchedule> logger)
{
    public async Task<BackupRun?> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var backup = await settings.GetAsync<BackupSettings>(cancellationToken);
        if (!backup.Enabled)
            return null;
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var now = await ispClock.NowAsync(cancellationToken);
        var due = ScheduledMoment(DateOnly.FromDateTime(now.DateTime), backup.TimeOfDay, zone);
        if (now < due)
            return null;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            if (await db.BackupRuns.AnyAsync(r => r.Trigger == BackupTrigger.Schedule && r.StartedAt >= due, cancellationToken))
                return null;
        }

        var started = await start.ExecuteAsync(BackupTrigger.Schedule, cancellationToken);
        if (started.Value is not { } begun)
        {
            logger.LogInformation("Nightly backup not started: {Reason}", started.FirstError);
            return null;
        }
        return await run.ExecuteAsync(begun.Id, cancellationToken);
    }

    public static DateTimeOffset ScheduledMoment(DateOnly day, TimeOnly at, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
