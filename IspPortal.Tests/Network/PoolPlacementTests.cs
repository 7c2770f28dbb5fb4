using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Pools;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>Pool placement against the demo ISP's real routers and customer counts.</summary>
public sealed class PoolPlacementTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Router_list_pages_sorts_by_customer_count_and_searches()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Network.Routers.RouterList>();

        var byCustomers = await list.PageAsync(new IspPortal.Core.Common.PageRequest(SortBy: "Customers", Descending: true));
        var searched = await list.PageAsync(new IspPortal.Core.Common.PageRequest(Search: "ktb"));

        Assert.Equal(3, byCustomers.Total);
        Assert.Equal(byCustomers.Items.Select(r => r.Customers).OrderDescending(), byCustomers.Items.Select(r => r.Customers));
        Assert.All(byCustomers.Items, r => Assert.True(r.Customers > 0));
        Assert.Equal("KCB", byCustomers.Items.Single(r => r.Code == "CKP").LocationCode);
        Assert.Equal("KTB", Assert.Single(searched.Items).Code);
    }

    [Fact]
    public async Task Pool_is_saved_with_its_members_and_refused_without_a_primary()
    {
        await using var db = portal.Database.CreateDbContext();
        var routers = await db.Routers.OrderBy(r => r.Code).Select(r => r.Id).ToListAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveRouterPool>();

        var refused = await save.ExecuteAsync(new RouterPoolInput(null, "Tanpa utama", null, null, PoolBalancing.LeastLoaded, false, true,
            [new PoolMemberInput(routers[0], PoolMemberRole.Backup, 0, 1, null)]));
        var saved = await save.ExecuteAsync(new RouterPoolInput(null, "Cikampek", null, null, PoolBalancing.Weighted, true, true,
            [new PoolMemberInput(routers[0], PoolMemberRole.Primary, 0, 2, 500), new PoolMemberInput(routers[1], PoolMemberRole.Backup, 1, 1, null)]));
        var edited = await save.ExecuteAsync(new RouterPoolInput(saved.Value!.Id, "Cikampek", null, null, PoolBalancing.Weighted, false, true,
            [new PoolMemberInput(routers[1], PoolMemberRole.Primary, 0, 1, null)]));

        Assert.True(refused.Errors.ContainsKey("Members"));
        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.True(edited.Succeeded, edited.FirstError);
        var members = await db.RouterPoolMembers.Where(m => m.RouterPoolId == saved.Value.Id).ToListAsync();
        Assert.Equal(routers[1], Assert.Single(members).RouterId);
        Assert.False(await db.RouterPools.AnyAsync(p => p.Name == "Tanpa utama"));
    }

    [Fact]
    public async Task New_customer_goes_to_the_primary_with_fewest_customers_and_skips_the_backup()
    {
        int poolId;
        string expected;
        await using (var db = portal.Database.CreateDbContext())
        {
            var routers = await db.Routers.OrderBy(r => r.Code).ToListAsync();
            var loads = await db.Customers.Where(c => c.Status != CustomerStatus.Terminated && c.RouterId != null)
                .GroupBy(c => c.RouterId!.Value).ToDictionaryAsync(g => g.Key, g => g.Count());
            var primaries = routers.Take(2).ToList();
            expected = primaries.OrderBy(r => loads.GetValueOrDefault(r.Id)).ThenBy(r => r.Id).First().Code;

            var pool = new RouterPool { Name = "Karawang", CreatedAt = DateTimeOffset.UtcNow };
            pool.AddMember(primaries[0], PoolMemberRole.Primary, 1, 1, null, DateTimeOffset.UtcNow);
            pool.AddMember(primaries[1], PoolMemberRole.Primary, 1, 1, null, DateTimeOffset.UtcNow);
            pool.AddMember(routers[2], PoolMemberRole.Backup, 1, 1, null, DateTimeOffset.UtcNow);
            db.RouterPools.Add(pool);
            await db.SaveChangesAsync();
            poolId = pool.Id;
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var chosen = await scope.ServiceProvider.GetRequiredService<ChooseRouterFromPool>().ExecuteAsync(poolId);

        Assert.True(chosen.Succeeded, chosen.FirstError);
        Assert.Equal(expected, chosen.Value!.Code);
        Assert.True(chosen.Value.Load > 0);
    }
}
