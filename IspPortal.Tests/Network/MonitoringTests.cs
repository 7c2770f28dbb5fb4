using IspPortal.Core.Network;
using IspPortal.Core.Network.Monitoring;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>Alerts raised by the sync against the demo's simulated routers, and the monitoring figures.</summary>
public sealed class MonitoringTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task An_unreachable_router_opens_one_alert_that_repeats_until_it_returns_and_can_be_acknowledged()
    {
        await SyncAsync();
        var realPort = await portal.MoveRouterAsync("KRW", FreePorts.Consecutive(1));
        try
        {
            await SyncAsync();
            await SyncAsync();
        }
        finally
        {
            await portal.MoveRouterAsync("KRW", realPort);
        }
        var whileDown = await OpenAlertsAsync("KRW");
        var alertId = Assert.Single(whileDown).Id;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var acknowledged = await scope.ServiceProvider.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(alertId);
            Assert.True(acknowledged.Succeeded, acknowledged.FirstError);
        }
        await SyncAsync();

        Assert.Equal((NetworkAlertKind.RouterUnreachable, 2), (whileDown[0].Kind, whileDown[0].Occurrences));
        Assert.Contains("tidak terjangkau", whileDown[0].Message, StringComparison.Ordinal);
        Assert.Empty(await OpenAlertsAsync("KRW"));
        await using var db = portal.Database.CreateDbContext();
        var resolved = await db.NetworkAlerts.SingleAsync(a => a.Id == alertId);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.NotNull(resolved.AcknowledgedAt);
    }

    [Fact]
    public async Task A_drop_of_online_customers_beyond_the_share_opens_a_mass_outage_that_resolves_when_they_are_back()
    {
        await SyncAsync();
        var router = portal.Simulator("KTB").Router;
        var online = router.Sessions.Select(s => s.Name).Distinct().ToList();
        Assert.True(online.Count >= 20, $"the demo router has {online.Count} online");
        var dropped = online.Take((int)Math.Ceiling(online.Count * 0.4)).ToList();
        var connection = await portal.OpenRouterAsync("KTB");
        foreach (var name in dropped)
            await connection.DisableSecretAsync(router.Secrets.Single(s => s.Name == name).Id);

        await SyncAsync();
        var outage = Assert.Single(await OpenAlertsAsync("KTB"));
        foreach (var name in dropped)
        {
            await connection.EnableSecretAsync(router.Secrets.Single(s => s.Name == name).Id);
            router.Connect(name);
        }
        await SyncAsync();

        Assert.Equal(NetworkAlertKind.MassOutage, outage.Kind);
        Assert.Contains($"turun dari {online.Count} menjadi {online.Count - dropped.Count}", outage.Message, StringComparison.Ordinal);
        Assert.Empty(await OpenAlertsAsync("KTB"));
    }

    [Fact]
    public async Task Monitoring_counts_each_routers_customers_and_sorts_the_unreachable_first()
    {
        await SyncAsync();
        await SyncAsync();
        var realPort = await portal.MoveRouterAsync("CKP", FreePorts.Consecutive(1));
        IReadOnlyList<RouterMonitorRow> rows;
        NetworkTotals totals;
        try
        {
            await SyncAsync();
            await using var scope = portal.Services.CreateAsyncScope();
            var monitor = scope.ServiceProvider.GetRequiredService<NetworkMonitor>();
            rows = await monitor.RoutersAsync();
            totals = await monitor.TotalsAsync();
        }
        finally
        {
            await portal.MoveRouterAsync("CKP", realPort);
        }

        Assert.Equal("CKP", rows[0].Code);
        Assert.Equal(RouterHealth.Down, rows[0].Health);
        await using var db = portal.Database.CreateDbContext();
        var ktb = rows.Single(r => r.Code == "KTB");
        Assert.Equal(portal.Simulator("KTB").Router.Sessions.Count, ktb.Online);
        var lastTwo = await db.RouterHealthSamples.Where(h => h.RouterId == ktb.Id).OrderByDescending(h => h.SampledAt).Take(2).ToListAsync();
        var seconds = (lastTwo[0].SampledAt - lastTwo[1].SampledAt).TotalSeconds;
        Assert.Equal((lastTwo[0].RxBytes - lastTwo[1].RxBytes) * 8 / seconds, ktb.RxBitsPerSecond!.Value, 3);
        Assert.Equal(rows.Sum(r => r.Online), totals.Online);
        Assert.Equal((2, 1), (totals.RoutersUp, totals.RoutersDown));
        Assert.True(totals.UnacknowledgedAlerts >= 1);
    }

    [Fact]
    public async Task Traffic_counts_only_the_uplink_interface_when_one_is_set()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
        await using var simulator = new IspPortal.Infrastructure.StandIns.RouterOs.RouterOsSimulator(new IspPortal.Infrastructure.StandIns.RouterOs.RouterOsSimulatorOptions
        {
            Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0), Password = "Uplink#2025", Identity = "UPL", SecretPrefix = "UPL", Secrets = 2, Active = 2,
        }, clock);
        await simulator.StartAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var db = portal.Database.CreateDbContext();
        var location = await db.LocationCodes.FirstAsync(l => l.Code == "KCB");
        await using var scope = portal.Services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Network.Routers.SaveRouter>();
        var input = new IspPortal.Core.Network.Routers.RouterInput(null, "UPL", "Uplink", location.Id, null, "127.0.0.1", simulator.Port, false, null, "admin", "Uplink#2025",
            IsolationMethod.Profile, "isolir", null, null, UplinkInterface: "ether1");
        var routerId = (await save.ExecuteAsync(input)).Value!.Id;
        var sync = scope.ServiceProvider.GetRequiredService<SyncRouter>();
        IspPortal.Core.Network.RouterHealthSample uplinkOnly, allLinks;
        try
        {
            await sync.ExecuteAsync(routerId);
            uplinkOnly = await LatestSampleAsync(routerId);
            await save.ExecuteAsync(input with { Id = routerId, Password = null, UplinkInterface = null });
            await sync.ExecuteAsync(routerId);
            allLinks = await LatestSampleAsync(routerId);
        }
        finally
        {
            // The other tests here count the demo's three routers.
            await save.ExecuteAsync(input with { Id = routerId, Password = null, IsActive = false });
        }

        // The simulator's ether1 counts 40 MB/s in and ether2 2 MB/s, for the minute the clock moved.
        Assert.Equal(40_000_000L * 60, uplinkOnly.RxBytes);
        Assert.Equal((40_000_000L + 2_000_000L) * 60, allLinks.RxBytes);
    }

    private async Task<IspPortal.Core.Network.RouterHealthSample> LatestSampleAsync(int routerId)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.RouterHealthSamples.Where(s => s.RouterId == routerId).OrderByDescending(s => s.Id).FirstAsync();
    }

    private async Task SyncAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
    }

    private async Task<List<NetworkAlert>> OpenAlertsAsync(string routerCode)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.NetworkAlerts.Where(a => a.Router!.Code == routerCode && a.ResolvedAt == null).ToListAsync();
    }
}
