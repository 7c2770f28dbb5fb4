using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Network.Map;

public sealed record MapFilter(int? RouterId = null, int? LocationCodeId = null, int? ServicePackageId = null, MapMarkerState? State = null)
{
    /// <summary>Whether a live change can be judged by what it carries (router, state); location and package need the database.</summary>
    public bool JudgesLocally => LocationCodeId is null && ServicePackageId is null;

    public bool Admits(int routerId, MapMarkerState state) =>
        (RouterId is null || RouterId == routerId) && (State is null || State == state) && state != MapMarkerState.Removed;
}

/// <summary>Columns rather than one object per marker: 50,000 customers travel as five arrays.</summary>
public sealed record MapSnapshot(string[] Codes, double[] Latitudes, double[] Longitudes, int[] States, int[] RouterIds)
{
    public int Count => Codes.Length;
}

public sealed record RouterMarker(int Id, string Code, string Name, double Latitude, double Longitude, RouterHealth Health, int? ActiveSessions, DateTimeOffset? LastSyncAt, string? LastError);

/// <param name="Uptime">Null when offline.</param>
public sealed record MapPopup(
    string Code, string FullName, string Package, string? PppoeUsername, string? Address, ConnectionState Connection, CustomerStatus Status,
    TimeSpan? Uptime, DateTimeOffset? LastSeenAt, string? RouterCode, MapMarkerState Marker);

/// <summary>The live map's data: every placed customer (terminated ones excluded), the routers, and a popup on demand.</summary>
public sealed class CustomerMap(IIspDbFactory dbs, IKeyedHasher hasher, TimeProvider clock)
{
    public async Task<MapSnapshot> LoadAsync(MapFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customers = db.Customers.AsNoTracking()
            .Where(c => c.Latitude != null && c.Longitude != null && c.Status != CustomerStatus.Terminated);
        if (filter.RouterId is { } routerId)
            customers = customers.Where(c => c.RouterId == routerId);
        if (filter.LocationCodeId is { } locationId)
            customers = customers.Where(c => c.LocationCodeId == locationId);
        if (filter.ServicePackageId is { } packageId)
            customers = customers.Where(c => c.ServicePackageId == packageId);
        var rows = await customers
            .Select(c => new { c.Code, Latitude = c.Latitude!.Value, Longitude = c.Longitude!.Value, c.Status, c.ConnectionState, RouterId = c.RouterId ?? 0 })
            .ToListAsync(cancellationToken);
        var placed = rows.Select(r => (Row: r, State: MapMarkers.StateOf(r.Status, r.ConnectionState)))
            .Where(r => filter.State is null || r.State == filter.State)
            .ToList();
        return new MapSnapshot(
            [.. placed.Select(p => p.Row.Code)], [.. placed.Select(p => p.Row.Latitude)], [.. placed.Select(p => p.Row.Longitude)],
            [.. placed.Select(p => (int)p.State)], [.. placed.Select(p => p.Row.RouterId)]);
    }

    public async Task<IReadOnlyList<RouterMarker>> RoutersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Routers.AsNoTracking().Where(r => r.IsActive && r.Latitude != null && r.Longitude != null).OrderBy(r => r.Code)
            .Select(r => new RouterMarker(r.Id, r.Code, r.Name, r.Latitude!.Value, r.Longitude!.Value, r.Health, r.ActiveSessions, r.LastSyncAt, r.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task<MapPopup?> PopupAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var row = await db.Customers.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new
            {
                c.Code, c.FullName, Package = c.ServicePackage!.Name, c.CurrentIp, c.ConnectionState, c.Status, c.SessionStartedAt, c.LastSeenAt, RouterCode = c.Router!.Code,
                Username = db.PppoeSecrets.Where(s => s.CustomerId == c.Id && !s.IsReplica && s.Status != PppoeSecretStatus.Removed).Select(s => s.Username).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null
            : new MapPopup(row.Code, row.FullName, row.Package, row.Username, row.CurrentIp?.ToString(), row.ConnectionState, row.Status,
                row.SessionStartedAt is { } started ? now - started : null, row.LastSeenAt, row.RouterCode, MapMarkers.StateOf(row.Status, row.ConnectionState));
    }

    /// <summary>The placed customers the search box finds (<see cref="CustomerSearch"/>), for "fly to".</summary>
    public async Task<IReadOnlyList<(string Code, string FullName, double Latitude, double Longitude)>> FindAsync(string term, int limit = 10, CancellationToken cancellationToken = default)
    {
        var text = term.Trim();
        if (text.Length < 2)
            return [];
        await using var db = await dbs.CreateAsync(cancellationToken);
        var placed = db.Customers.AsNoTracking().Where(c => c.Latitude != null && c.Longitude != null && c.Status != CustomerStatus.Terminated);
        var found = await (await CustomerSearch.MatchingAsync(db, placed, text, hasher, cancellationToken))
            .OrderBy(c => c.Code).Take(limit)
            .Select(c => new { c.Code, c.FullName, Latitude = c.Latitude!.Value, Longitude = c.Longitude!.Value })
            .ToListAsync(cancellationToken);
        return [.. found.Select(f => (f.Code, f.FullName, f.Latitude, f.Longitude))];
    }
}

/// <summary>The routers on the map as every open map of this instance reloads them after a sync: one read shared by all of them.</summary>
public sealed class SharedMapRouters(IServiceScopeFactory scopes) : CoalescedLoad<IReadOnlyList<RouterMarker>>(scopes)
{
    protected override Task<IReadOnlyList<RouterMarker>> ReadAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CustomerMap>().RoutersAsync(cancellationToken);
}
