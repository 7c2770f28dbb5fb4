using System.Linq.Expressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Routers;

/// <summary>A router as the list shows it: connection facts and health, never its password.</summary>
public sealed record RouterRow(
    int Id,
    string Code,
    string Name,
    string LocationCode,
    string Host,
    int ApiPort,
    bool UseTls,
    string ApiUser,
    IsolationMethod IsolationMethod,
    string? IsolationProfile,
    bool IsActive,
    RouterHealth Health,
    DateTimeOffset? LastSyncAt,
    int? ActiveSessions,
    int Customers,
    string? LastError,
    int? UplinkCapacityMbps = null);

public sealed class RouterList(IIspDbFactory dbs)
{
    public async Task<PagedResult<RouterRow>> PageAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var routers = db.Routers.AsNoTracking();
        if (request.SearchTerm is { } term)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            routers = routers.Where(r => EF.Functions.Like(r.Code.ToLower(), pattern) || EF.Functions.Like(r.Name.ToLower(), pattern)
                || EF.Functions.Like(r.Host.ToLower(), pattern));
        }
        // Sorted and paged on the entity (EF cannot order by members of a constructor projection), then shaped.
        var sortColumns = new Dictionary<string, Expression<Func<Router, object?>>>
        {
            [nameof(RouterRow.Code)] = r => r.Code,
            [nameof(RouterRow.Name)] = r => r.Name,
            [nameof(RouterRow.LocationCode)] = r => r.LocationCode!.Code,
            [nameof(RouterRow.Host)] = r => r.Host,
            [nameof(RouterRow.Health)] = r => r.Health,
            [nameof(RouterRow.LastSyncAt)] = r => r.LastSyncAt,
            [nameof(RouterRow.Customers)] = r => db.Customers.Count(c => c.RouterId == r.Id),
        };
        var page = await routers.ToPageAsync(request, sortColumns, nameof(RouterRow.Code), r => r.Id, cancellationToken);
        var ids = page.Items.Select(r => r.Id).ToList();
        var locations = await db.LocationCodes.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
        var customers = await db.Customers.Where(c => c.RouterId != null && ids.Contains(c.RouterId.Value))
            .GroupBy(c => c.RouterId!.Value).Select(g => new { RouterId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RouterId, g => g.Count, cancellationToken);
        var rows = page.Items.Select(r => new RouterRow(
            r.Id, r.Code, r.Name, locations.GetValueOrDefault(r.LocationCodeId, ""), r.Host, r.ApiPort, r.UseTls, r.ApiUser, r.IsolationMethod,
            r.IsolationProfile, r.IsActive, r.Health, r.LastSyncAt, r.ActiveSessions, customers.GetValueOrDefault(r.Id), r.LastError, r.UplinkCapacityMbps)).ToList();
        return new PagedResult<RouterRow>(rows, page.Total);
    }

    /// <summary>Codes of the active routers the last sync could not reach: the routers page's alert.</summary>
    public async Task<IReadOnlyList<string>> UnreachableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Routers.AsNoTracking().Where(r => r.IsActive && r.Health == RouterHealth.Down).OrderBy(r => r.Code)
            .Select(r => r.Code).ToListAsync(cancellationToken);
    }

    /// <summary>Active routers still spoken to over the plain API (8728): their API password crosses the network readable.</summary>
    public async Task<IReadOnlyList<string>> WithoutTlsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Routers.AsNoTracking().Where(r => r.IsActive && !r.UseTls).OrderBy(r => r.Code)
            .Select(r => r.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The stored settings of one router for its edit form (password left out).</summary>
    public async Task<RouterInput?> ForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Routers.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RouterInput(r.Id, r.Code, r.Name, r.LocationCodeId, r.Location, r.Host, r.ApiPort, r.UseTls, r.TlsFingerprint,
                r.ApiUser, null, r.IsolationMethod, r.IsolationProfile, r.IsolationAddressList, r.Notes, r.IsActive, r.Latitude, r.Longitude, r.UplinkInterface, r.UplinkCapacityMbps))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
