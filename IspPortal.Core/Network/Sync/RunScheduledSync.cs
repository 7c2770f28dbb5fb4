using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Network.Sync;

/// <summary>
/// What the scheduler calls every minute: when the interval from settings has passed since the last
/// sync, one instance (advisory lock; the others skip at once) syncs every router.
/// </summary>
public sealed class RunScheduledSync(IIspDbFactory dbs, IDatabaseLocks locks, PortalSettings settings, SyncAllRouters syncAll, TimeProvider clock, ILogger<RunScheduledSync> logger)
{
    public const string LockName = "job:router-sync";

    /// <returns>The summary, or null when it was not due or another instance is syncing.</returns>
    public async Task<NetworkSyncSummary?> ExecuteAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var network = await settings.GetAsync<NetworkSettings>(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(db, LockName, cancellationToken))
        {
            logger.LogInformation("Router sync skipped: another instance is syncing");
            return null;
        }

        var lastSync = await db.Routers.Where(r => r.IsActive && r.LastSyncAt != null).MaxAsync(r => r.LastSyncAt, cancellationToken);
        // The scheduler ticks each minute; half a minute of slack keeps "every 5 minutes" from drifting to 6.
        if (!force && lastSync is { } last && clock.GetUtcNow() - last < TimeSpan.FromMinutes(network.SyncIntervalMinutes) - TimeSpan.FromSeconds(30))
            return null;

        var summary = await syncAll.ExecuteAsync(network.SyncParallelism, cancellationToken);
        logger.LogInformation("Router sync: {Succeeded} routers synced, {Failed} failed, {Changed} customers changed",
            summary.Succeeded, summary.Failed, summary.CustomersChanged);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }
}
