using System.Net;
using System.Text.Json;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;

namespace IspPortal.Infrastructure.Live;

/// <summary>
/// A router's changes, each customer with what the map needs without a query (state, status,
/// address, position). A sync's large diff is carried by reference by the bus (live_feed_payloads),
/// so every instance receives exactly the customers that changed.
/// </summary>
public sealed class NetworkChangesCodec : LiveFeedCodec<NetworkChangeFeed, NetworkChanges>
{
    public override string Kind => "network";

    protected override JsonElement Encode(NetworkChanges item) =>
        ToElement(new Wire(item.RouterId, item.RouterCode, item.Health,
            [.. item.Customers.Select(c => new CustomerWire(c.CustomerId, c.CustomerCode, c.RouterId, c.State, c.Address?.ToString(), c.At, c.Status, c.Latitude, c.Longitude))],
            item.RouterChanged ? null : false));

    protected override NetworkChanges Decode(JsonElement body)
    {
        var wire = Read<Wire>(body);
        return new NetworkChanges(wire.R, wire.C, wire.H,
            [.. wire.X.Select(c => new CustomerConnectionChange(c.I, c.C, c.R, c.S, c.A is null ? null : IPAddress.Parse(c.A), c.T, c.St, c.La, c.Lo))],
            RouterChanged: wire.U ?? true);
    }

    protected override NetworkChanges Resync(IServiceProvider services) => NetworkChanges.Resync;

    /// <param name="U">False when the router itself did not change; absent (an instance of an earlier version) counts as changed.</param>
    private sealed record Wire(int R, string C, RouterHealth H, IReadOnlyList<CustomerWire> X, bool? U = null);

    private sealed record CustomerWire(int I, string C, int R, ConnectionState S, string? A, DateTimeOffset T, CustomerStatus St, double? La, double? Lo);
}
