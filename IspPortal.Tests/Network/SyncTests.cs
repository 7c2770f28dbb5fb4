using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>The sync against the demo's three simulated routers, over the real RouterOS protocol.</summary>
public sealed class SyncTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task Sync_detects_a_change_on_the_router_logs_it_once_and_publishes_it()
    {
        await SyncAllAsync();
        var (code, username, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online);
        var published = new System.Collections.Concurrent.ConcurrentQueue<NetworkChanges>();
        using var subscription = portal.Services.GetRequiredService<NetworkChangeFeed>().Subscribe(published.Enqueue);
        await using var db = portal.Database.CreateDbContext();
        var customerId = (await db.Customers.SingleAsync(c => c.Code == code)).Id;
        var logsBefore = await db.CustomerStatusLogs.CountAsync(l => l.CustomerId == customerId);

        // The operator disables the secret on the router itself: its session drops and does not redial.
        var simulator = portal.Simulator("CKP");
        var secretId = simulator.Router.Secrets.Single(s => s.Name == username).Id;
        await (await portal.OpenRouterAsync("CKP")).DisableSecretAsync(secretId);
        var first = await SyncAllAsync();
        var second = await SyncAllAsync();

        Assert.Equal(3, first.Succeeded);
        Assert.Equal(0, second.CustomersChanged);
        var ckp = first.Routers.Single(r => r.RouterCode == "CKP").RouterId;
        var samples = await db.RouterHealthSamples.Where(s => s.RouterId == ckp)
            .OrderBy(s => s.SampledAt).ToListAsync();
        Assert.True(samples.Count >= 3);
        Assert.True(samples[^1].RxBytes >= samples[^2].RxBytes, "interface counters only grow");
        Assert.Equal(simulator.Router.Sessions.Count, samples[^1].ActiveSessions);
        await using var after = portal.Database.CreateDbContext();
        var customer = await after.Customers.SingleAsync(c => c.Id == customerId);
        Assert.Equal(ConnectionState.Disabled, customer.ConnectionState);
        Assert.Null(customer.CurrentIp);
        Assert.Null(customer.SessionStartedAt);
        Assert.NotNull(customer.LastSeenAt);
        Assert.True(customer.LastSeenAt < customer.ConnectionChangedAt, "last seen is the previous sync that saw the session, not the one that found it gone");
        Assert.Equal(logsBefore + 1, await after.CustomerStatusLogs.CountAsync(l => l.CustomerId == customerId));
        var log = await after.CustomerStatusLogs.Where(l => l.CustomerId == customerId).OrderByDescending(l => l.ChangedAt).FirstAsync();
        Assert.Equal((StatusChangeKind.Connection, "Online", "Disabled", StatusChangeSource.Sync, customer.ConnectionChangedAt),
            (log.Kind, log.FromValue, log.ToValue, log.Source, (DateTimeOffset?)log.ChangedAt));
        // The feed crosses instances through the live bus, so it arrives after the sync returns.
        await Eventually.TrueAsync(() => published.SelectMany(p => p.Customers).Any(c => c.CustomerCode == code && c.State == ConnectionState.Disabled));
    }

    [Fact]
    public async Task A_customer_who_dials_in_is_recorded_online_with_the_address_the_router_gave()
    {
        await SyncAllAsync();
        var (code, username, _) = await portal.ActiveCustomerAsync("KTB", ConnectionState.Offline);
        Assert.True(portal.Simulator("KTB").Router.Connect(username));

        await SyncAllAsync();

        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Code == code);
        Assert.Equal(ConnectionState.Online, customer.ConnectionState);
        Assert.Equal(portal.Simulator("KTB").Router.Sessions.Single(s => s.Name == username).Address, customer.CurrentIp?.ToString());
        Assert.NotNull(customer.SessionStartedAt);
    }

    [Fact]
    public async Task An_unreachable_router_is_reported_while_the_others_sync_and_its_pending_isolation_is_applied_when_it_returns()
    {
        var (code, username, _) = await portal.ActiveCustomerAsync("KRW", ConnectionState.Online);
        var routerId = await portal.RouterIdAsync("KRW");
        var realPort = await portal.MoveRouterAsync("KRW", FreePorts.Consecutive(1));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var isolated = await scope.ServiceProvider.GetRequiredService<CustomerIsolation>().IsolateAsync(code, "Tunggakan", StatusChangeSource.Billing);
            Assert.False(isolated.Value!.AppliedOnRouter);
        }

        var whileDown = await SyncAllAsync();
        await portal.MoveRouterAsync("KRW", realPort);
        var afterReturn = await SyncAllAsync();

        var down = whileDown.Routers.Single(r => r.RouterCode == "KRW");
        Assert.False(down.Succeeded);
        Assert.Contains("tidak dapat dihubungi", down.Error, StringComparison.Ordinal);
        Assert.Equal(2, whileDown.Succeeded);
        Assert.True(afterReturn.Routers.Single(r => r.RouterCode == "KRW").SecretsRepaired >= 1);
        Assert.Equal("isolir", portal.Simulator("KRW").Router.Secrets.Single(s => s.Name == username).Profile);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(RouterHealth.Up, (await db.Routers.SingleAsync(r => r.Id == routerId)).Health);
        Assert.Equal(PppoeSecretStatus.Provisioned, (await db.PppoeSecrets.SingleAsync(s => s.Username == username && !s.IsReplica)).Status);
        Assert.True(await db.RouterLogs.AnyAsync(l => l.RouterId == routerId && l.Operation == "sync" && l.Outcome == RouterLogOutcome.Failed));
    }

    [Fact]
    public async Task An_isolir_and_a_registration_are_published_with_the_marker_state_and_position()
    {
        var (code, _, _) = await portal.ActiveCustomerAsync("KTB", ConnectionState.Online, skip: 6);
        var published = new List<CustomerConnectionChange>();
        using var subscription = portal.Services.GetRequiredService<NetworkChangeFeed>().Subscribe(c => { lock (published) published.AddRange(c.Customers); });
        await using var db = portal.Database.CreateDbContext();
        var router = await db.Routers.SingleAsync(r => r.Code == "KTB");
        var package = await db.ServicePackages.SingleAsync(p => p.Code == "HOME-10");

        string newCode;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CustomerIsolation>().IsolateAsync(code, "Tunggakan", StatusChangeSource.Billing);
            var registered = await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Customers.Registration.RegisterCustomer>().ExecuteAsync(new(
                new CustomerProfileInput("Rina Marlina", "3201014808950002", null, "081355557777", null, "Jl. Kotabaru 3", null, null, null, null, null, -6.36, 107.39, null),
                new(router.LocationCodeId, router.Id, null, package.Id, null, null)));
            Assert.True(registered.Succeeded, registered.FirstError);
            newCode = registered.Value!.Code;
        }

        await Eventually.TrueAsync(() => { lock (published) return published.Any(c => c.CustomerCode == code) && published.Any(c => c.CustomerCode == newCode); });
        lock (published)
        {
            var isolated = published.Last(c => c.CustomerCode == code);
            Assert.Equal((CustomerStatus.Isolated, IspPortal.Core.Network.Map.MapMarkerState.Disabled), (isolated.Status, isolated.Marker));
            var added = published.Last(c => c.CustomerCode == newCode);
            Assert.Equal((-6.36, 107.39, CustomerStatus.Active), (added.Latitude!.Value, added.Longitude!.Value, added.Status));
        }
    }

    private async Task<NetworkSyncSummary> SyncAllAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
    }
}
