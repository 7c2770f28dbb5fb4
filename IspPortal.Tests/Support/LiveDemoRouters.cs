using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using IspPortal.Infrastructure.Demo;
using IspPortal.Infrastructure.StandIns.RouterOs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>Reaching the live demo's simulated routers from tests: the simulator itself, or an API connection as the portal opens it.</summary>
public static class LiveDemoRouters
{
    public static RouterOsSimulator Simulator(this PortalFactory portal, string routerCode) =>
        portal.Services.GetRequiredService<DemoRouterSimulators>().Running.Single(s => s.Router.Identity == routerCode);

    public static async Task<int> RouterIdAsync(this PortalFactory portal, string routerCode)
    {
        await using var db = portal.Database.CreateDbContext();
        return (await db.Routers.SingleAsync(r => r.Code == routerCode)).Id;
    }

    public static async Task<IRouterConnection> OpenRouterAsync(this PortalFactory portal, string routerCode)
    {
        await using var db = portal.Database.CreateDbContext();
        var router = await db.Routers.SingleAsync(r => r.Code == routerCode);
        var endpoint = RouterAccess.Endpoint(router, portal.Services.GetRequiredService<ISecretProtector>());
        return await portal.Services.GetRequiredService<IRouterGateway>().OpenAsync(endpoint);
    }

    /// <summary>
    /// An active demo customer on the router in the given connection state (the <paramref name="skip"/>-th,
    /// oldest first), with its PPPoE username and its package's profile.
    /// </summary>
    public static async Task<(string Code, string Username, string PackageProfile)> ActiveCustomerAsync(
        this PortalFactory portal, string routerCode, ConnectionState state, int skip = 0)
    {
        await using var db = portal.Database.CreateDbContext();
        var routerId = (await db.Routers.SingleAsync(r => r.Code == routerCode)).Id;
        var pick = await db.Customers
            .Where(c => c.RouterId == routerId && c.Status == CustomerStatus.Active && c.ConnectionState == state)
            .OrderBy(c => c.Id).Skip(skip)
            .Select(c => new { c.Code, c.ServicePackage!.MikrotikProfile, Username = db.PppoeSecrets.Where(s => s.CustomerId == c.Id && !s.IsReplica).Select(s => s.Username).First() })
            .FirstAsync();
        return (pick.Code, pick.Username, pick.MikrotikProfile);
    }

    /// <summary>Points a router at another port (e.g. a free one, to make it unreachable); returns the old port.</summary>
    public static async Task<int> MoveRouterAsync(this PortalFactory portal, string routerCode, int port)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var id = await portal.RouterIdAsync(routerCode);
        var stored = await scope.ServiceProvider.GetRequiredService<RouterList>().ForEditAsync(id);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SaveRouter>().ExecuteAsync(stored! with { ApiPort = port })).Succeeded);
        return stored.ApiPort;
    }
}
