using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Monitoring;

/// <summary>
/// The portal's own alerts, beside the routers' on the monitoring page: a failed backup opens one
/// (or refreshes the open one) and tells the roles chosen for it (<see cref="AlertSettings.BackupFailedRoles"/>);
/// the next successful backup resolves it and tells them how long backups were failing.
/// </summary>
[FeatureApi]
public sealed class PortalAlerts(IIspDbFactory dbs, AlertNotices notices, TimeProvider clock)
{
    /// <summary>Where the portal's own alerts show in the router column.</summary>
    public const string Source = "Portal";

    public async Task BackupFailedAsync(string error, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var message = $"Pencadangan gagal: {error}";
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await OpenAsync(db, cancellationToken);
        if (open is not null)
        {
            open.SeenAgain(message, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var opened = NetworkAlert.ForPortal(NetworkAlertKind.BackupFailed, message, now);
            db.NetworkAlerts.Add(opened);
            await db.SaveChangesAsync(cancellationToken);
            await notices.QueueAsync(db, Source, null, [new AlertTransition(opened, Opened: true)], now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task BackupSucceededAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await OpenAsync(db, cancellationToken) is not { } open)
            return;
        open.Resolve(now);
        await db.SaveChangesAsync(cancellationToken);
        await notices.QueueAsync(db, Source, null, [new AlertTransition(open, Opened: false)], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task<NetworkAlert?> OpenAsync(IIspDb db, CancellationToken cancellationToken) =>
        db.NetworkAlerts.SingleOrDefaultAsync(a => a.RouterId == null && a.Kind == NetworkAlertKind.BackupFailed && a.ResolvedAt == null, cancellationToken);
}
