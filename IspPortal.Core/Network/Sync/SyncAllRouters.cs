using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Network.Sync;

public sealed record NetworkSyncSummary(IReadOnlyList<RouterSyncResult> Routers)
{
    public int Succeeded => Routers.Count(r => r.Succeeded);

    public int Failed => Routers.Count(r => !r.Succeeded);

    public int CustomersChanged => Routers.Sum(r => r.CustomersChanged);
}

/// <summary>
/// Syncs every active router in parallel with a bounded degree; each router in a scope of its own,
/// so a failing or slow router never blocks the others.
/// </summary>
public sealed class SyncAllRouters(IIspDbFactory dbs, IServiceScopeFactory scopes)
{
    public const int DefaultParallelism = 8;

    public async Task<NetworkSyncSummary> ExecuteAsync(int parallelism = DefaultParallelism, CancellationToken cancellationToken = default)
    {
        List<int> routerIds;
        await using (var db = await dbs.CreateAsync(cancellationToken))
            routerIds = await db.Routers.Where(r => r.IsActive).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);

        var results = new RouterSyncResult[routerIds.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, routerIds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                results[index] = await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(routerIds[index], token);
            });
        return new NetworkSyncSummary(results);
    }
}
