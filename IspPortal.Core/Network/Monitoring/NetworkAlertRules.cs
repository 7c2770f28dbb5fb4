using IspPortal.Core.Common;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Monitoring;

/// <summary>
/// When a sync opens, refreshes or resolves an alert. Tracked changes on the sync's context; the
/// sync saves them with its own outcome and tells people of the openings and resolutions returned
/// (<see cref="AlertNotices"/>).
/// </summary>
public static class NetworkAlertRules
{
    public static async Task<IReadOnlyList<AlertTransition>> OnSyncSucceededAsync(IIspDb db, Router router, int? sessionsBefore, int sessionsNow, NetworkSettings settings,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var transitions = new List<AlertTransition>();
        var open = await OpenAsync(db, router.Id, cancellationToken);
        foreach (var alert in open.Where(a => a.Kind is NetworkAlertKind.RouterUnreachable or NetworkAlertKind.SyncFailing))
        {
            alert.Resolve(at);
            transitions.Add(new AlertTransition(alert, Opened: false));
        }

        var outage = open.FirstOrDefault(a => a.Kind == NetworkAlertKind.MassOutage);
        if (outage is not null && sessionsNow >= (int)Math.Ceiling(outage.BaselineSessions!.Value * (100 - settings.MassOutageDropPercent / 2.0) / 100))
        {
            outage.Resolve(at);
            transitions.Add(new AlertTransition(outage, Opened: false));
        }
        else if (sessionsBefore is { } before && before >= settings.MassOutageMinSessions
            && before - sessionsNow >= (int)Math.Ceiling(before * settings.MassOutageDropPercent / 100.0))
        {
            var message = $"Pelanggan online di router {router.Code} turun dari {before} menjadi {sessionsNow} ({100.0 * (before - sessionsNow) / before:F0}%) sejak sinkronisasi sebelumnya.";
            if (outage is null)
            {
                var opened = new NetworkAlert(router.Id, NetworkAlertKind.MassOutage, message, at, before);
                db.NetworkAlerts.Add(opened);
                transitions.Add(new AlertTransition(opened, Opened: true));
            }
            else
                outage.SeenAgain(message, at);
        }
        return transitions;
    }

    public static async Task<IReadOnlyList<AlertTransition>> OnSyncFailedAsync(IIspDb db, Router router, RouterOsException exception, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var kind = exception.Category is RouterOsErrorCategory.Unreachable or RouterOsErrorCategory.Timeout
            ? NetworkAlertKind.RouterUnreachable
            : NetworkAlertKind.SyncFailing;
        var message = kind == NetworkAlertKind.RouterUnreachable
            ? $"Router {router.Code} tidak terjangkau: {error}"
            : $"Sinkronisasi router {router.Code} gagal: {error}";
        var open = await OpenAsync(db, router.Id, cancellationToken);
        if (open.FirstOrDefault(a => a.Kind == kind) is { } existing)
        {
            existing.SeenAgain(message, at);
            return [];
        }
        var opened = new NetworkAlert(router.Id, kind, message, at);
        db.NetworkAlerts.Add(opened);
        return [new AlertTransition(opened, Opened: true)];
    }

    private static Task<List<NetworkAlert>> OpenAsync(IIspDb db, int routerId, CancellationToken cancellationToken) =>
        db.NetworkAlerts.Where(a => a.RouterId == routerId && a.ResolvedAt == null).ToListAsync(cancellationToken);
}
