using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Map;
using IspPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Monitoring;

/// <param name="RxBitsPerSecond">From the last two health samples of the router's configured links; null with fewer than two.</param>
public sealed record RouterMonitorRow(
    int Id, string Code, string Name, RouterHealth Health, DateTimeOffset? LastSyncAt, int? LastSyncDurationMs, string? LastError,
    int Online, int Offline, int Disabled, short? CpuLoadPercent, long? UptimeSeconds, string? RouterOsVersion,
    double? RxBitsPerSecond, double? TxBitsPerSecond, int OpenAlerts, bool UseTls)
{
    public int Customers => Online + Offline + Disabled;

    public double OfflineShare => Online + Offline == 0 ? 0 : (double)Offline / (Online + Offline);
}

public sealed record AlertRow(
    long Id, NetworkAlertKind Kind, string RouterCode, string Message, DateTimeOffset OpenedAt, DateTimeOffset LastSeenAt, int Occurrences,
    DateTimeOffset? ResolvedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy)
{
    /// <summary>Who was told of the alert (<see cref="AlertNotices"/>), by which channel and when.</summary>
    public IReadOnlyList<AlertNoticeView> Notices { get; init; } = [];
}

/// <param name="Resolved">The message about the resolution; else about the opening.</param>
/// <param name="At">When it was sent (or failed); when it was queued while it waits.</param>
public sealed record AlertNoticeView(string Person, bool Resolved, NotificationChannel Channel, OutboxStatus Status, DateTimeOffset At);

public sealed record NetworkTotals(int Online, int Offline, int Disabled, int RoutersUp, int RoutersDown, int RoutersUnknown, int OpenAlerts, int UnacknowledgedAlerts);

/// <summary>The NOC's view: every active router worst first, the alerts, and network-wide totals.</summary>
public sealed class NetworkMonitor(IIspDbFactory dbs, TimeProvider clock)
{
    public static readonly TimeSpan ResolvedAlertsKept = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<RouterMonitorRow>> RoutersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var routers = await db.Routers.AsNoTracking().Where(r => r.IsActive).ToListAsync(cancellationToken);
        var counts = await db.Customers.AsNoTracking()
            .Where(c => c.RouterId != null && c.Status != CustomerStatus.Terminated)
            .GroupBy(c => new { c.RouterId, c.Status, c.ConnectionState })
            .Select(g => new { g.Key.RouterId, g.Key.Status, g.Key.ConnectionState, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var since = clock.GetUtcNow().AddHours(-1);
        var samples = (await db.RouterHealthSamples.AsNoTracking().Where(s => s.SampledAt >= since)
                .Select(s => new { s.RouterId, s.SampledAt, s.RxBytes, s.TxBytes }).ToListAsync(cancellationToken))
            .GroupBy(s => s.RouterId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.SampledAt).Take(2).ToList());
        var alerts = await db.NetworkAlerts.AsNoTracking().Where(a => a.ResolvedAt == null && a.RouterId != null)
            .GroupBy(a => a.RouterId!.Value).Select(g => new { RouterId = g.Key, Count = g.Count() }).ToDictionaryAsync(a => a.RouterId, a => a.Count, cancellationToken);

        return routers.Select(r =>
            {
                int Count(MapMarkerState state) => counts.Where(c => c.RouterId == r.Id && MapMarkers.StateOf(c.Status, c.ConnectionState) == state).Sum(c => c.Count);
                var (rx, tx) = samples.TryGetValue(r.Id, out var last) && last.Count == 2 && last[0].RxBytes >= last[1].RxBytes && last[0].TxBytes >= last[1].TxBytes
                    && (last[0].SampledAt - last[1].SampledAt).TotalSeconds is > 0 and var seconds
                        ? ((double?)(last[0].RxBytes - last[1].RxBytes) * 8 / seconds, (double?)(last[0].TxBytes - last[1].TxBytes) * 8 / seconds)
                        : (null, null);
                return new RouterMonitorRow(r.Id, r.Code, r.Name, r.Health, r.LastSyncAt, r.LastSyncDurationMs, r.LastError,
                    Count(MapMarkerState.Online), Count(MapMarkerState.Offline), Count(MapMarkerState.Disabled),
                    r.CpuLoadPercent, r.UptimeSeconds, r.RouterOsVersion, rx, tx, alerts.GetValueOrDefault(r.Id), r.UseTls);
            })
            // Worst first: unreachable, then open alerts, then the largest share offline.
            .OrderBy(r => r.Health == RouterHealth.Down ? 0 : r.Health == RouterHealth.Unknown ? 2 : 1)
            .ThenByDescending(r => r.OpenAlerts)
            .ThenByDescending(r => r.OfflineShare)
            .ThenBy(r => r.Code)
            .ToList();
    }

    public async Task<IReadOnlyList<AlertRow>> AlertsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var resolvedSince = clock.GetUtcNow() - ResolvedAlertsKept;
        var alerts = await db.NetworkAlerts.AsNoTracking()
            .Where(a => a.ResolvedAt == null || a.ResolvedAt >= resolvedSince)
            .OrderBy(a => a.ResolvedAt != null).ThenBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.LastSeenAt)
            .Take(200)
            .Select(a => new AlertRow(a.Id, a.Kind, a.Router != null ? a.Router.Code : PortalAlerts.Source, a.Message, a.OpenedAt, a.LastSeenAt, a.Occurrences, a.ResolvedAt, a.AcknowledgedAt,
                db.Users.Where(u => u.Id == a.AcknowledgedById).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        if (alerts.Count == 0)
            return alerts;
        var notices = await NoticesAsync(db, alerts.Min(a => a.OpenedAt), cancellationToken);
        return [.. alerts.Select(a => a with { Notices = notices.TryGetValue(a.Id, out var told) ? told : [] })];
    }

    /// <summary>The outbox messages <see cref="AlertNotices"/> queued since <paramref name="since"/>, by alert.</summary>
    private static async Task<Dictionary<long, List<AlertNoticeView>>> NoticesAsync(IIspDb db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith(AlertNotices.KeyStart) && m.CreatedAt >= since)
            .Select(m => new { m.IdempotencyKey, m.Channel, m.Status, m.CreatedAt, m.SentAt, m.FailedAt })
            .ToListAsync(cancellationToken);
        var parsed = messages.Select(m => (Message: m, Key: AlertNotices.ReadKey(m.IdempotencyKey)))
            .Where(p => p.Key is not null)
            .Select(p => (p.Message, Key: p.Key!.Value))
            .ToList();
        var userIds = parsed.Select(p => p.Key.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return parsed
            .GroupBy(p => p.Key.AlertId)
            .ToDictionary(g => g.Key, g => g
                .Select(p => new AlertNoticeView(names.GetValueOrDefault(p.Key.UserId, "—"), p.Key.Resolved,
                    p.Message.Channel, p.Message.Status, p.Message.SentAt ?? p.Message.FailedAt ?? p.Message.CreatedAt))
                .OrderBy(n => n.Resolved).ThenBy(n => n.Person, StringComparer.Ordinal).ThenBy(n => n.Channel)
                .ToList());
    }

    /// <param name="routers">The rows the caller has just read with <see cref="RoutersAsync"/>; null reads them.</param>
    public async Task<NetworkTotals> TotalsAsync(IReadOnlyList<RouterMonitorRow>? routers = null, CancellationToken cancellationToken = default)
    {
        routers ??= await RoutersAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var open = await db.NetworkAlerts.AsNoTracking().Where(a => a.ResolvedAt == null)
            .GroupBy(a => a.AcknowledgedAt == null).Select(g => new { Unacknowledged = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new NetworkTotals(routers.Sum(r => r.Online), routers.Sum(r => r.Offline), routers.Sum(r => r.Disabled),
            routers.Count(r => r.Health == RouterHealth.Up), routers.Count(r => r.Health == RouterHealth.Down), routers.Count(r => r.Health == RouterHealth.Unknown),
            open.Sum(o => o.Count), open.Where(o => o.Unacknowledged).Sum(o => o.Count));
    }
}
