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
    int Customers);

public sealed class RouterList(IIspDbFactory dbs)
{
    private static readonly Dictionary<string, Expression<Func<RouterRow, object?>>> SortColumns = new()
    {
        [nameof(RouterRow.Code)] = r => r.Code,
        [nameof(RouterRow.Name)] = r => r.Name,
        [nameof(RouterRow.LocationCode)] = r => r.LocationCode,
        [nameof(RouterRow.Host)] = r => r.Host,
        [nameof(RouterRow.Health)] = r => r.Health,
        [nameof(RouterRow.LastSyncAt)] = r => r.LastSyncAt,
        [nameof(RouterRow.Customers)] = r => r.Customers,
    };

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
        var rows = routers.Select(r => new RouterRow(
            r.Id, r.Code, r.Name, r.LocationCode!.Code, r.Host, r.ApiPort, r.UseTls, r.ApiUser, r.IsolationMethod, r.IsolationProfile,
            r.IsActive, r.Health, r.LastSyncAt, r.ActiveSessions, db.Customers.Count(c => c.RouterId == r.Id)));
        return await rows.ToPageAsync(request, SortColumns, nameof(RouterRow.Code), r => r.Id, cancellationToken);
    }

    /// <summary>The stored settings of one router for its edit form (password left out).</summary>
    public async Task<RouterInput?> ForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Routers.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RouterInput(r.Id, r.Code, r.Name, r.LocationCodeId, r.Location, r.Host, r.ApiPort, r.UseTls, r.TlsFingerprint,
                r.ApiUser, null, r.IsolationMethod, r.IsolationProfile, r.IsolationAddressList, r.Notes, r.IsActive))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
