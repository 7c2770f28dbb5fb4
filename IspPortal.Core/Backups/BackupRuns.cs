using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Backups;

/// <summary>The run history, the last good backup (for the metric) and the next nightly run.</summary>
public sealed class BackupRuns(IIspDbFactory dbs, PortalSettings settings, IspClock ispClock) : IBackupStatus
{
    public const int ListLimit = 100;

    public async Task<IReadOnlyList<BackupRun>> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.BackupRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(ListLimit).ToListAsync(cancellationToken);
    }

    public async Task<BackupRun?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.BackupRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>When the newest successful backup finished; null when none has.</summary>
    public async Task<DateTimeOffset?> LastSuccessAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.BackupRuns.Where(r => r.Status == BackupRunStatus.Succeeded).MaxAsync(r => r.FinishedAt, cancellationToken);
    }

    /// <summary>The next nightly run in the ISP's time; null when the schedule is off.</summary>
    public async Task<DateTimeOffset?> NextScheduledAsync(CancellationToken cancellationToken = default)
    {
        var backup = await settings.GetAsync<BackupSettings>(cancellationToken);
        if (!backup.Enabled)
            return null;
        await using var db = await dbs.CreateAsync(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var now = await ispClock.NowAsync(cancellationToken);
        var today = BackupSchedule.ScheduledMoment(DateOnly.FromDateTime(now.DateTime), backup.TimeOfDay, zone);
        var doneToday = await db.BackupRuns.AnyAsync(r => r.Trigger == BackupTrigger.Schedule && r.StartedAt >= today, cancellationToken);
        return TimeZoneInfo.ConvertTime(doneToday ? BackupSchedule.ScheduledMoment(DateOnly.FromDateTime(now.DateTime).AddDays(1), backup.TimeOfDay, zone) : today, zone);
    }
}
