using System.Net;

namespace IspPortal.Core.Customers;

/// <summary>
/// A customer's router connection as the portal stores it, and the one rule for moving it on when a
/// router reports again. The entity and the sync's bulk writer both go through <see cref="Observe"/>.
/// </summary>
public readonly record struct CustomerConnection(
    ConnectionState State, IPAddress? CurrentIp, DateTimeOffset? SessionStartedAt, DateTimeOffset? LastSeenAt, DateTimeOffset? ChangedAt)
{
    /// <param name="lastSeenOnline">When the router last showed the session (the previous sync). A sync
    /// that only writes changes passes it, so going offline keeps the true "last seen".</param>
    public CustomerConnection Observe(ConnectionState state, IPAddress? ip, DateTimeOffset? sessionStartedAt, DateTimeOffset at, DateTimeOffset? lastSeenOnline = null)
    {
        var lastSeen = state == ConnectionState.Online ? at
            : State == ConnectionState.Online && lastSeenOnline is { } seen && seen > (LastSeenAt ?? DateTimeOffset.MinValue) ? seen
            : LastSeenAt;
        var online = state == ConnectionState.Online;
        return new CustomerConnection(state, online ? ip : null, online ? sessionStartedAt : null, lastSeen, state == State ? ChangedAt : at);
    }

    /// <summary>The <c>customer_status_logs</c> entry for going from <paramref name="before"/> to this state; null when the state is the same.</summary>
    public CustomerStatusLog? LogSince(CustomerConnection before, int customerId) =>
        before.State == State ? null
        : new CustomerStatusLog(customerId, ChangedAt ?? throw new InvalidOperationException("A changed connection has a change time."),
            StatusChangeKind.Connection, before.State.ToString(), State.ToString(), StatusChangeSource.Sync, null, null);
}
