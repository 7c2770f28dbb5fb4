namespace IspPortal.Core.Network;

public enum NetworkAlertKind
{
    /// <summary>The router could not be reached (no connection or no answer).</summary>
    RouterUnreachable,
    /// <summary>The router answered but the sync failed (wrong credentials, permissions, a protocol error).</summary>
    SyncFailing,
    /// <summary>Online customers dropped by more than the set share between two syncs.</summary>
    MassOutage,
    /// <summary>The portal's backup failed; an alert of the portal itself, with no router.</summary>
    BackupFailed,
}

/// <summary>
/// Something the NOC must see (table <c>network_alerts</c>): opened by a sync, refreshed while the
/// condition lasts, resolved by the first sync that no longer sees it, acknowledged by a person.
/// At most one open alert per router and kind (a partial unique index); the portal's own alerts
/// (<see cref="NetworkAlertKind.BackupFailed"/>) have no router.
/// </summary>
[Common.NotAudited]
public class NetworkAlert
{
    public const int MessageMaxLength = 1000;

    private NetworkAlert() { }

    public NetworkAlert(int routerId, NetworkAlertKind kind, string message, DateTimeOffset at, int? baselineSessions = null)
    {
        RouterId = routerId;
        Kind = kind;
        Message = Trim(message);
        OpenedAt = at;
        LastSeenAt = at;
        BaselineSessions = baselineSessions;
    }

    /// <summary>An alert of the portal itself, not of a router: one open at a time per kind.</summary>
    public static NetworkAlert ForPortal(NetworkAlertKind kind, string message, DateTimeOffset at)
    {
        if (kind != NetworkAlertKind.BackupFailed)
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only the portal's own kinds have no router.");
        return new NetworkAlert { Kind = kind, Message = Trim(message), OpenedAt = at, LastSeenAt = at };
    }

    public long Id { get; private set; }

    /// <summary>Null for the portal's own alerts (<see cref="NetworkAlertKind.BackupFailed"/>).</summary>
    public int? RouterId { get; private set; }

    public NetworkAlertKind Kind { get; private set; }

    public string Message { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>How many times a sync has seen the condition since it opened.</summary>
    public int Occurrences { get; private set; } = 1;

    /// <summary>For a mass outage: the online sessions before the drop; it resolves when they are back.</summary>
    public int? BaselineSessions { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    public Router? Router { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public void SeenAgain(string message, DateTimeOffset at)
    {
        Message = Trim(message);
        LastSeenAt = at;
        Occurrences++;
    }

    public void Resolve(DateTimeOffset at) => ResolvedAt ??= at;

    public void Acknowledge(Guid? userId, DateTimeOffset at)
    {
        if (AcknowledgedAt is not null)
            return;
        AcknowledgedAt = at;
        AcknowledgedById = userId;
    }

    private static string Trim(string message) => message.Length > MessageMaxLength ? message[..MessageMaxLength] : message;
}
