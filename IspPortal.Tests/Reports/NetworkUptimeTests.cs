using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Network;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static IspPortal.Tests.Reports.NetworkReportData;

namespace IspPortal.Tests.Reports;

/// <summary>Uptime per router and customer, outages by customer-minutes lost and mass outages over <see cref="NetworkReportData"/>, by hand.</summary>
public sealed class NetworkUptimeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private NetworkReportData _data = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _data = await SeedAsync(database);
        _services = CoreServices.Build(database.ConnectionString, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<IspPortal.Core.Common.Outcome<UptimeView>> RunAsync(DateOnly? from, DateOnly? to, NetworkFilter? filter = null, int rows = 100, params string[] roles)
    {
        if (roles.Length > 0)
            _services.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), "user", roles);
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NetworkUptime>().ForAsync(from, to, filter ?? NetworkFilter.None, rows);
    }

    private async Task<UptimeView> UptimeAsync(NetworkFilter? filter = null, int rows = 100)
    {
        var outcome = await RunAsync(From, To, filter, rows);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    [Fact]
    public async Task Routers_are_down_while_unreachable_cut_to_the_window_with_overlaps_counted_once()
    {
        var view = await UptimeAsync();

        // 14,400 minutes: AAA 1 − 170/14,400, BBB 1 − 300/14,400; the sync failure on AAA is not an outage.
        Assert.Equal(
            [("AAA", 98.819m, 170m, 3, 120m), ("BBB", 97.917m, 300m, 1, 300m)],
            view.Routers.Select(r => (r.Code, r.UptimePercent!.Value, r.OutageMinutes, r.Outages, r.LongestMinutes)));
    }

    [Fact]
    public async Task Customers_count_only_active_time_and_lose_offline_time_and_their_routers_outages()
    {
        var view = await UptimeAsync();
        var ids = _data.Customers;

        Assert.Equal(4, view.CustomerCount);
        Assert.Equal(
            [(ids[2], 14_400m, 5_300m, 63.194m), (ids[4], 600m, 300m, 50m), (ids[1], 13_400m, 260m, 98.060m), (ids[0], 14_400m, 170m, 98.819m)],
            view.Customers.Select(c => (c.CustomerId, c.ServiceMinutes, c.OutageMinutes, c.UptimePercent)));
        // Weighted by customers: 1 − (5,300 + 300 + 260 + 170) / (14,400 + 600 + 13,400 + 14,400).
        Assert.Equal(85.911m, view.UptimePercent);
    }

    [Fact]
    public async Task Outages_are_ranked_by_customer_minutes_lost_and_mass_outages_by_sessions_lost()
    {
        var view = await UptimeAsync();

        Assert.Equal(
            [
                ("BBB", OutageKinds.Router, 300m, 2m, 600m), ("BBB", OutageKinds.Mass, 60m, 5m, 300m),
                ("AAA", OutageKinds.Router, 120m, 2m, 240m), ("AAA", OutageKinds.Router, 30m, 2m, 60m), ("AAA", OutageKinds.Router, 30m, 2m, 50m),
            ],
            view.Outages.Select(o => (o.RouterCode, o.Kind, o.Minutes, o.Customers, o.CustomerMinutes)));
        var mass = Assert.Single(view.MassOutages);
        Assert.Equal(("BBB", 60m, (int?)10, (decimal?)4m), (mass.RouterCode, mass.Minutes, mass.BaselineSessions, mass.LowestSessions));
    }

    [Fact]
    public async Task Filters_by_router_and_by_location_and_rows_limit_the_list_not_the_sums()
    {
        var aaa = await UptimeAsync(new NetworkFilter(RouterId: _data.Aaa));
        var purwakarta = await UptimeAsync(new NetworkFilter(LocationId: _data.Purwakarta));
        var top = await UptimeAsync(rows: 1);

        Assert.Equal(["AAA"], aaa.Routers.Select(r => r.Code));
        Assert.Equal(2, aaa.CustomerCount);
        Assert.Equal(98.453m, aaa.UptimePercent); // 1 − 430 / 27,800
        Assert.All(aaa.Outages, o => Assert.Equal("AAA", o.RouterCode));
        Assert.Empty(purwakarta.Routers);
        Assert.Equal([_data.Customers[4]], purwakarta.Customers.Select(c => c.CustomerId));
        Assert.Equal(50m, purwakarta.UptimePercent);
        Assert.Equal((4, 85.911m), (top.CustomerCount, top.UptimePercent!.Value));
        Assert.Single(top.Customers);
    }

    [Fact]
    public async Task A_window_reaching_past_now_stops_at_now_and_defaults_to_the_last_30_days()
    {
        // 10 March 00:00 in Jakarta: the 10th has not begun.
        await using var services = CoreServices.Build(database.ConnectionString, new ManualTimeProvider(At(14_400 - 1440)));
        await using var scope = services.CreateAsyncScope();
        var uptime = scope.ServiceProvider.GetRequiredService<NetworkUptime>();

        var view = (await uptime.ForAsync(From, To, NetworkFilter.None)).Value!;
        var byDefault = (await uptime.ForAsync(null, null, NetworkFilter.None)).Value!;

        var aaa = view.Routers.Single(r => r.Code == "AAA");
        Assert.Equal(Math.Round(100m * (1m - 170m / 12_960m), 3, MidpointRounding.AwayFromZero), aaa.UptimePercent);
        Assert.Equal((new DateOnly(2025, 2, 9), new DateOnly(2025, 3, 10)), (byDefault.From, byDefault.To));
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-01", "to")]
    [InlineData("2024-03-01", "2025-03-10", "to")]
    [InlineData("1999-12-31", "2000-01-01", "from")]
    public async Task Bad_ranges_are_refused_naming_the_field(string from, string to, string field)
    {
        var outcome = await RunAsync(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Errors.ContainsKey(field), string.Join(", ", outcome.Errors.Keys));
    }

    [Theory]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Finance, true)]
    [InlineData(Roles.Noc, true)]
    [InlineData(Roles.Technician, true)]
    [InlineData(Roles.Staff, false)]
    public async Task Reports_read_or_network_read_may_read_it(string role, bool allowed)
    {
        var outcome = await RunAsync(From, To, roles: role);

        Assert.Equal(allowed, outcome.Succeeded);
        if (!allowed)
            Assert.Equal(Actor.NotPermitted, outcome.FirstError);
    }
}
