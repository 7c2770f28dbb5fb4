using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Monitoring;

/// <summary>An alert a sync opened or resolved.</summary>
public sealed record AlertTransition(NetworkAlert Alert, bool Opened);

/// <summary>
/// Tells the staff of the roles chosen for an alert's kind (<see cref="AlertSettings"/>) by WhatsApp
/// and e-mail through the outbox: once when the alert opens and once when it is resolved, with how
/// long it lasted. A router that opens more than the set number of alerts within an hour is flapping:
/// its further openings send one summary per hour instead of a message each; a resolution is told
/// only to those told of the opening. Keys name the alert (or router and hour) and the person, so a
/// sync that runs twice tells nobody twice. Outage messages are never held for quiet hours.
/// </summary>
public sealed class AlertNotices(PortalSettings settings, IspClock ispClock, IOutboxWriter outbox, PortalAddress portal)
{
    public const string MonitoringPath = "/network/monitoring";

    /// <summary>What every alert notice's key starts with: <c>network-alert:{alert}:{opened|resolved}:{user:N}:{channel}</c>.</summary>
    public const string KeyStart = "network-alert:";

    public static string KeyPrefix(long alertId) => $"{KeyStart}{alertId.ToString(CultureInfo.InvariantCulture)}:";

    /// <summary>The alert, occasion and person an alert notice's key names; null for any other key.</summary>
    public static (long AlertId, bool Resolved, Guid UserId)? ReadKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 5 && parts[0] + ":" == KeyStart && parts[2] is "opened" or "resolved"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var alertId) && Guid.TryParseExact(parts[3], "N", out var userId)
                ? (alertId, parts[2] == "resolved", userId)
                : null;
    }

    /// <summary>In the caller's transaction, after the alerts were saved (the keys carry their ids).</summary>
    /// <returns>How many messages were queued.</returns>
    public Task<int> QueueAsync(IIspDb db, Router router, IReadOnlyList<AlertTransition> transitions, DateTimeOffset now, CancellationToken cancellationToken) =>
        QueueAsync(db, router.Code, router.Id, transitions, now, cancellationToken);

    /// <param name="source">The router's code, or <see cref="PortalAlerts.Source"/> for the portal's own alerts.</param>
    /// <param name="routerId">Null for the portal's own alerts, which never flap.</param>
    public async Task<int> QueueAsync(IIspDb db, string source, int? routerId, IReadOnlyList<AlertTransition> transitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (transitions.Count == 0)
            return 0;
        var options = await settings.GetAsync<AlertSettings>(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var link = portal.Link(MonitoringPath);
        var hourAgo = now.AddHours(-1);
        var openedLastHour = routerId is null ? 0 : await db.NetworkAlerts.CountAsync(a => a.RouterId == routerId && a.OpenedAt > hourAgo, cancellationToken);
        var flapping = openedLastHour > options.FlappingAlertsPerHour;
        var messages = new List<OutboxMessage>();

        foreach (var (alert, opened) in transitions)
        {
            var values = new Dictionary<string, string>
            {
                ["jenis"] = KindText(alert.Kind),
                ["router"] = source,
                ["mulai"] = DisplayFormats.InZone(alert.OpenedAt, zone),
                ["link_monitoring"] = link,
            };
            if (opened && !flapping)
            {
                values["pesan"] = alert.Message;
                var template = alert.Kind == NetworkAlertKind.BackupFailed ? NotificationEvents.BackupFailed : NotificationEvents.NetworkAlertOpened;
                foreach (var person in await StaffContacts.InRolesAsync(db, options.RolesFor(alert.Kind), cancellationToken))
                    messages.AddRange(To(person, $"{KeyPrefix(alert.Id)}opened:{person.UserId:N}", template, values, now));
            }
            else if (!opened)
            {
                values["durasi"] = DurationText(alert.ResolvedAt!.Value - alert.OpenedAt);
                foreach (var person in await StaffContacts.ByIdsAsync(db, await ToldOfOpeningAsync(db, alert.Id, cancellationToken), cancellationToken))
                    messages.AddRange(To(person, $"{KeyPrefix(alert.Id)}resolved:{person.UserId:N}", NotificationEvents.NetworkAlertResolved, values, now));
            }
        }

        if (flapping && transitions.Any(t => t.Opened))
        {
            var hour = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
            var roles = new[] { NetworkAlertKind.RouterUnreachable, NetworkAlertKind.SyncFailing, NetworkAlertKind.MassOutage }.SelectMany(options.RolesFor).Distinct().ToList();
            var values = new Dictionary<string, string>
            {
                ["router"] = source,
                ["jumlah_peringatan"] = openedLastHour.ToString(CultureInfo.InvariantCulture),
                ["link_monitoring"] = link,
            };
            foreach (var person in await StaffContacts.InRolesAsync(db, roles, cancellationToken))
                messages.AddRange(To(person, $"network-alert-flapping:{routerId}:{hour}:{person.UserId:N}", NotificationEvents.NetworkAlertFlapping, values, now));
        }
        return messages.Count == 0 ? 0 : await outbox.InsertNewAsync(db, messages, cancellationToken);
    }

    /// <summary>The kind as messages and screens name it.</summary>
    public static string KindText(NetworkAlertKind kind) => kind switch
    {
        NetworkAlertKind.RouterUnreachable => "Router tidak terjangkau",
        NetworkAlertKind.SyncFailing => "Sinkronisasi gagal",
        NetworkAlertKind.BackupFailed => "Pencadangan gagal",
        _ => "Gangguan massal",
    };

    public static string DurationText(TimeSpan duration)
    {
        var minutes = Math.Max(1, (int)Math.Round(duration.TotalMinutes));
        var (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        var parts = new List<string>();
        if (days > 0)
            parts.Add($"{days} hari");
        if (hours > 0)
            parts.Add($"{hours} jam");
        if (rest > 0 || parts.Count == 0)
            parts.Add($"{rest} menit");
        return string.Join(" ", parts);
    }

    private static async Task<IReadOnlyCollection<Guid>> ToldOfOpeningAsync(IIspDb db, long alertId, CancellationToken cancellationToken)
    {
        var prefix = KeyPrefix(alertId) + "opened:";
        var keys = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix))
            .Select(m => m.IdempotencyKey).ToListAsync(cancellationToken);
        return [.. keys.Select(ReadKey).OfType<(long AlertId, bool Resolved, Guid UserId)>().Select(k => k.UserId).Distinct()];
    }

    private static IEnumerable<OutboxMessage> To(StaffContact person, string key, NotificationEvent notification, Dictionary<string, string> values, DateTimeOffset now) =>
        OutboxMessage.ToPhoneAndEmail(key, person.Phone, person.Email, notification.Key,
            JsonSerializer.Serialize(new Dictionary<string, string>(values) { ["nama"] = person.FullName }), now);
}
