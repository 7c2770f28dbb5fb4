using IspPortal.Core.Network;
using IspPortal.Core.Network.Pools;

namespace IspPortal.Tests.Network;

public sealed class ChooseRouterFromPoolTests
{
    private static PoolCandidate Member(int id, int load, PoolMemberRole role = PoolMemberRole.Primary, int priority = 0, int weight = 1, int? capacity = null, bool reachable = true) =>
        new(id, $"R{id}", role, priority, weight, capacity, load, reachable);

    [Fact]
    public void Least_loaded_reachable_primary_gets_the_new_customer()
    {
        var chosen = ChooseRouterFromPool.Choose("KCB", PoolBalancing.LeastLoaded, [Member(1, 120), Member(2, 80), Member(3, 10, reachable: false)]);

        Assert.Equal(2, chosen.Value!.RouterId);
    }

    [Fact]
    public void Equal_load_goes_to_the_lower_priority_number()
    {
        var chosen = ChooseRouterFromPool.Choose("KCB", PoolBalancing.LeastLoaded, [Member(1, 50, priority: 2), Member(2, 50, priority: 1)]);

        Assert.Equal(2, chosen.Value!.RouterId);
    }

    [Fact]
    public void Weighted_pool_compares_load_per_unit_of_weight()
    {
        var chosen = ChooseRouterFromPool.Choose("KCB", PoolBalancing.Weighted, [Member(1, 300, weight: 3), Member(2, 150, weight: 1)]);

        Assert.Equal(1, chosen.Value!.RouterId);
    }

    [Fact]
    public void A_full_member_is_skipped()
    {
        var chosen = ChooseRouterFromPool.Choose("KCB", PoolBalancing.LeastLoaded, [Member(1, 100, capacity: 100), Member(2, 400)]);

        Assert.Equal(2, chosen.Value!.RouterId);
    }

    [Fact]
    public void Backup_takes_customers_only_when_no_primary_can()
    {
        var normal = ChooseRouterFromPool.Choose("KCB", PoolBalancing.LeastLoaded, [Member(1, 500), Member(2, 0, PoolMemberRole.Backup)]);
        var failover = ChooseRouterFromPool.Choose("KCB", PoolBalancing.LeastLoaded, [Member(1, 500, reachable: false), Member(2, 0, PoolMemberRole.Backup)]);

        Assert.Equal(1, normal.Value!.RouterId);
        Assert.Equal(2, failover.Value!.RouterId);
    }

    [Fact]
    public void No_usable_member_is_refused_with_the_pool_named()
    {
        var refused = ChooseRouterFromPool.Choose("KCB", PoolBalancing.LeastLoaded, [Member(1, 10, reachable: false), Member(2, 5, capacity: 5)]);

        Assert.False(refused.Succeeded);
        Assert.Contains("pool KCB", refused.FirstError, StringComparison.Ordinal);
    }
}
