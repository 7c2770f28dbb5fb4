using System.Net;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Live;

/// <summary>
/// A router's changes inline while they fit (an isolir, a registration, a small sync); a full sync's
/// diff (up to the router's every customer) as a reference — router and time — that each receiving
/// instance expands once by reading the router's customers as they are now.
/// </summary>
public sealed class NetworkChangesCodec : LiveFeedCodec<NetworkChangeFeed, NetworkChanges>
{
    /// <summary>More customers than this never fit inline (each takes well over 60 bytes of JSON): not worth serialising to find out.</summary>
    public const int MaxInlineCustomers = MaxInlineBytes / 60;

    public override string Kind => "network";

    protected override JsonElement Encode(NetworkChanges item)
    {
        if (item.Customers.Count > MaxInlineCustomers)
            return ToElement(new Wire(item.RouterId, item.RouterCode, item.Health, Latest(item.Customers), null));
        var inline = ToElement(new Wire(item.RouterId, item.RouterCode, item.Health, item.Customers.Count == 0 ? null : Latest(item.Customers),
            [.. item.Customers.Select(c => new CustomerWire(c.CustomerId, c.CustomerCode, c.RouterId, c.State, c.Address?.ToString(), c.At, c.Status, c.Latitude, c.Longitude))]));
        return Fits(inline) ? inline : ToElement(new Wire(item.RouterId, item.RouterCode, item.Health, Latest(item.Customers), null));
    }

    protected override async Task<NetworkChanges> DecodeAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken)
    {
        var wire = Read<Wire>(body);
        var customers = wire.X is { } inline
            ? [.. inline.Select(c => new CustomerConnectionChange(c.I, c.C, c.R, c.S, c.A is null ? null : IPAddress.Parse(c.A), c.T, c.St, c.La, c.Lo))]
            : await ReadRouterAsync(services, wire.R, wire.At ?? DateTimeOffset.MinValue, cancellationToken);
        return new NetworkChanges(wire.R, wire.C, wire.H, customers);
    }

    protected override NetworkChanges Resync(IServiceProvider services) => NetworkChanges.Resync;

    private static DateTimeOffset? Latest(IReadOnlyList<CustomerConnectionChange> customers) =>
        customers.Count == 0 ? null : customers.Max(c => c.At);

    /// <summary>Every customer of the router as saved now: a superset of the diff, each with its current state.</summary>
    private static async Task<IReadOnlyList<CustomerConnectionChange>> ReadRouterAsync(IServiceProvider services, int routerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The factory is scoped (it carries the audit's current user); the bus is not.
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync(cancellationToken);
        var rows = await db.Customers.AsNoTracking().Where(c => c.RouterId == routerId)
            .Select(c => new { c.Id, c.Code, c.ConnectionState, c.CurrentIp, c.Status, c.Latitude, c.Longitude })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new CustomerConnectionChange(c.Id, c.Code, routerId, c.ConnectionState, c.CurrentIp, at, c.Status, c.Latitude, c.Longitude))];
    }

    private sealed record Wire(int R, string C, RouterHealth H, DateTimeOffset? At, IReadOnlyList<CustomerWire>? X);

    private sealed record CustomerWire(int I, string C, int R, ConnectionState S, string? A, DateTimeOffset T, CustomerStatus St, double? La, double? Lo);
}
