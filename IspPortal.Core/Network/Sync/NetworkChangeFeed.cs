using System.Net;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Map;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Network.Sync;

/// <summary>
/// One customer whose connection or status changed (a sync, an isolir, a registration), for live
/// screens (map, dashboard); the position lets a map place a customer it has not shown yet.
/// </summary>
public sealed record CustomerConnectionChange(
    int CustomerId, string CustomerCode, int RouterId, ConnectionState State, IPAddress? Address, DateTimeOffset At,
    CustomerStatus Status = CustomerStatus.Active, double? Latitude = null, double? Longitude = null)
{
    public MapMarkerState Marker => MapMarkers.StateOf(Status, State);

    /// <summary>A customer as saved just now, for a change that is not the sync's (isolir, registration, termination).</summary>
    public static CustomerConnectionChange Of(Customer customer, DateTimeOffset at) =>
        new(customer.Id, customer.Code, customer.RouterId ?? 0, customer.ConnectionState, customer.CurrentIp, at, customer.Status, customer.Latitude, customer.Longitude);
}

/// <summary>
/// What one router's sync changed; published after it is saved. <see cref="IsResync"/>: changes may
/// have been missed (the bus reconnected), every screen re-reads what it shows.
/// <see cref="RouterChanged"/>: the router's own health and session count were saved too (a sync);
/// an isolir or a registration leaves them as they were, so screens need not re-read the routers.
/// </summary>
public sealed record NetworkChanges(int RouterId, string RouterCode, RouterHealth Health, IReadOnlyList<CustomerConnectionChange> Customers, bool IsResync = false, bool RouterChanged = true)
{
    public static NetworkChanges Resync { get; } = new(0, "", RouterHealth.Unknown, [], IsResync: true);
}

/// <summary>The publisher of network changes (sync, isolir, registration) for the map and dashboards, on every instance.</summary>
[FeatureApi]
public sealed class NetworkChangeFeed(ILogger<NetworkChangeFeed> logger, ILiveBus? bus = null) : LiveFeed<NetworkChanges>(logger, bus)
{
    /// <summary>One customer changed outside a sync; the router's health is passed on as it is.</summary>
    public void PublishCustomer(Router router, Customer customer, DateTimeOffset at) =>
        Publish(new NetworkChanges(router.Id, router.Code, router.Health, [CustomerConnectionChange.Of(customer, at)], RouterChanged: false));
}
