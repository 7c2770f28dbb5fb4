using IspPortal.Core.Customers;
using IspPortal.Core.Network.Routers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>The demo's routers answer over the real RouterOS protocol, with the demo's own customers.</summary>
public sealed class DemoNetworkTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task Test_connection_reaches_the_simulated_demo_router_and_counts_its_online_customers()
    {
        await using var db = portal.Database.CreateDbContext();
        var router = await db.Routers.SingleAsync(r => r.Code == "CKP");
        var online = await db.Customers.CountAsync(c => c.RouterId == router.Id && c.ConnectionState == ConnectionState.Online);

        await using var scope = portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<TestRouterConnection>().ExecuteAsync(router.Id);

        Assert.True(report.Succeeded, report.FirstError);
        Assert.Equal(portal.FirstRouterPort, router.ApiPort);
        Assert.Equal("CKP", report.Value!.Identity);
        Assert.True(online > 0);
        Assert.Equal(online, report.Value.ActiveSessions);
    }

    [Fact]
    public async Task Wrong_stored_password_is_reported_as_a_refused_login()
    {
        int routerId;
        await using (var db = portal.Database.CreateDbContext())
        {
            var router = await db.Routers.SingleAsync(r => r.Code == "KRW");
            routerId = router.Id;
        }
        await using var scope = portal.Services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveRouter>();
        var stored = await scope.ServiceProvider.GetRequiredService<RouterList>().ForEditAsync(routerId);
        Assert.True((await save.ExecuteAsync(stored! with { Password = "Salah#Sandi1" })).Succeeded);

        var report = await scope.ServiceProvider.GetRequiredService<TestRouterConnection>().ExecuteAsync(routerId);

        Assert.False(report.Succeeded);
        Assert.StartsWith("Login ditolak", report.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_nobody_listens_on_is_reported_unreachable()
    {
        var routerId = await portal.RouterIdAsync("KTB");
        await portal.MoveRouterAsync("KTB", FreePorts.Consecutive(1));
        await using var scope = portal.Services.CreateAsyncScope();

        var report = await scope.ServiceProvider.GetRequiredService<TestRouterConnection>().ExecuteAsync(routerId);

        Assert.False(report.Succeeded);
        Assert.StartsWith("Router tidak dapat dihubungi", report.FirstError, StringComparison.Ordinal);
    }
}
