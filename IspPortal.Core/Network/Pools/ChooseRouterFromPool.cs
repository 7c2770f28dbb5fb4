using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Pools;

/// <param name="Load">Customers on the router now (terminated ones excluded).</param>
[FeatureApi]
public sealed record PoolCandidate(int RouterId, string Code, PoolMemberRole Role, int Priority, int Weight, int? Capacity, int Load, bool Reachable);

/// <summary>
/// The router a new customer in a pool goes to: among the pool's active, reachable members with
/// room left, the least loaded (for <see cref="PoolBalancing.Weighted"/> pools, load per unit of
/// weight), lower priority first on a tie. Backup members take customers only when no primary can.
/// </summary>
[FeatureApi]
public sealed class ChooseRouterFromPool(IIspDbFactory dbs)
{
    public async Task<Outcome<PoolCandidate>> ExecuteAsync(int poolId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var pool = await db.RouterPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == poolId, cancellationToken);
        if (pool is null)
            return Outcome.Refused<PoolCandidate>("", "Pool router tidak ditemukan.");
        if (!pool.IsActive)
            return Outcome.Refused<PoolCandidate>("", $"Pool {pool.Name} nonaktif.");

        var candidates = await db.RouterPoolMembers.AsNoTracking()
            .Where(m => m.RouterPoolId == poolId && m.IsActive && m.Router!.IsActive)
            .Select(m => new PoolCandidate(
                m.RouterId, m.Router!.Code, m.Role, m.Priority, m.Weight, m.Capacity,
                db.Customers.Count(c => c.RouterId == m.RouterId && c.Status != CustomerStatus.Terminated),
                m.Router.Health != RouterHealth.Down))
            .ToListAsync(cancellationToken);

        return Choose(pool.Name, pool.Balancing, candidates);
    }

    public static Outcome<PoolCandidate> Choose(string poolName, PoolBalancing balancing, IReadOnlyCollection<PoolCandidate> candidates)
    {
        var open = candidates.Where(c => c.Reachable && (c.Capacity is null || c.Load < c.Capacity)).ToList();
        var chosen = Best(open.Where(c => c.Role == PoolMemberRole.Primary), balancing)
            ?? Best(open.Where(c => c.Role == PoolMemberRole.Backup), balancing);
        return chosen is not null
            ? Outcome.Done(chosen)
            : Outcome.Refused<PoolCandidate>("", $"Tidak ada router di pool {poolName} yang terjangkau dan masih punya kapasitas.");
    }

    private static PoolCandidate? Best(IEnumerable<PoolCandidate> members, PoolBalancing balancing) =>
        members
            .OrderBy(m => balancing == PoolBalancing.Weighted ? (double)m.Load / m.Weight : m.Load)
            .ThenBy(m => m.Priority)
            .ThenBy(m => m.RouterId)
            .FirstOrDefault();
}
