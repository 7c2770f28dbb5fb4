using IspPortal.Core.Reports.Network;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static IspPortal.Tests.Reports.NetworkReportData;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Bandwidth per router from health buckets inserted by hand (tx is half of rx in every bucket):
/// <code>
/// AAA (50 Mbps) hourly, 1 March 01:00–20:00 local: bucket k = 1..20 has rx avg k Mbps, p95 k + 0.5 Mbps, max 2k Mbps, 10 sessions
///     → avg 10.5, p95 of the p95s = 19.5 + 0.05 × 1 = 19.55 Mbps, peak 40; utilization 19.55 / 50 = 39.1 %
/// BBB (no capacity) hourly at 02:00 and 03:00: rx avg 1 and 3 Mbps, p95 2 and 4, max 5 and 7, 20 sessions
/// AAA five-minute, 1 March 01:00 + 5k minutes, k = 0..19: rx avg (k + 1) Mbps → p95 of the averages = 19.05 Mbps
/// </code>
/// </summary>
public sealed class BandwidthUtilizationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const double M = 1_000_000;
    private ServiceProvider _services = default!;
    private NetworkReportData _data = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _data = await SeedAsync(database);
        await using (var db = database.CreateDbContext())
        {
            for (var k = 1; k <= 20; k++)
                await BucketAsync(db, "router_health_hourly", _data.Aaa, S.AddHours(k), 10, k * M, (k + 0.5) * M, 2 * k * M);
            await BucketAsync(db, "router_health_hourly", _data.Bbb, S.AddHours(2), 20, 1 * M, 2 * M, 5 * M);
            await BucketAsync(db, "router_health_hourly", _data.Bbb, S.AddHours(3), 20, 3 * M, 4 * M, 7 * M);
            for (var k = 0; k < 20; k++)
                await BucketAsync(db, "router_health_5min", _data.Aaa, S.AddHours(1).AddMinutes(5 * k), 10, (k + 1) * M, (k + 1) * M, (k + 1) * M);
        }
        _services = CoreServices.Build(database.ConnectionString, new ManualTimeProvider(new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero)));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<BandwidthView> BandwidthAsync(DateOnly from, DateOnly to, NetworkFilter? filter = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<BandwidthUtilization>().ForAsync(from, to, filter ?? NetworkFilter.None);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    [Fact]
    public async Task Hourly_buckets_give_average_p95_of_the_bucket_p95s_peak_and_utilization_busiest_first()
    {
        var view = await BandwidthAsync(From, To);

        Assert.False(view.Hourly);
        Assert.Equal(["AAA", "BBB"], view.Routers.Select(r => r.Code));
        var aaa = view.Routers[0];
        Assert.Equal((50, 10.5 * M, 19.55 * M, 40 * M), (aaa.CapacityMbps!.Value, aaa.RxAvgBps!.Value, aaa.RxP95Bps!.Value, aaa.RxPeakBps!.Value));
        Assert.Equal((5.25 * M, 9.775 * M, 20 * M), (aaa.TxAvgBps!.Value, aaa.TxP95Bps!.Value, aaa.TxPeakBps!.Value));
        Assert.Equal(39.1m, aaa.UtilizationP95);
        var bbb = view.Routers[1];
        // p95 of 2 and 4 Mbps: 2 + 0.95 × 2 = 3.9 Mbps; no capacity, no utilization.
        Assert.Equal((2 * M, 3.9 * M, 7 * M, (decimal?)null), (bbb.RxAvgBps!.Value, bbb.RxP95Bps!.Value, bbb.RxPeakBps!.Value, bbb.UtilizationP95));
    }

    [Fact]
    public async Task Long_ranges_have_daily_points_per_router_and_sessions_summed_over_routers()
    {
        var view = await BandwidthAsync(From, To);

        // Every bucket lies on 1 March in Jakarta: one point per router at its local midnight.
        Assert.Equal([(_data.Aaa, S), (_data.Bbb, S)], view.Series.Select(p => (p.RouterId, p.At.ToUniversalTime())).OrderBy(p => p.Item1));
        Assert.Equal((10.5 * M, 40 * M), (view.Series.Single(p => p.RouterId == _data.Aaa).RxAvgBps!.Value, view.Series.Single(p => p.RouterId == _data.Aaa).RxPeakBps!.Value));
        var sessions = Assert.Single(view.Sessions);
        Assert.Equal(30, sessions.Sessions);
    }

    [Fact]
    public async Task Two_days_or_less_read_the_five_minute_averages_in_hourly_points()
    {
        var view = await BandwidthAsync(From, From, new NetworkFilter(RouterId: _data.Aaa));

        Assert.True(view.Hourly);
        var aaa = Assert.Single(view.Routers);
        // 1..20 Mbps: the 95th percentile is 19 + 0.05 × 1 (interpolated), the billing standard over five-minute averages.
        Assert.Equal((10.5 * M, 19.05 * M, 20 * M), (aaa.RxAvgBps!.Value, aaa.RxP95Bps!.Value, aaa.RxPeakBps!.Value));
        Assert.Equal(38.1m, aaa.UtilizationP95);
        // 01:00–01:55 (12 buckets, 1..12 Mbps) and 02:00–02:35 (8 buckets, 13..20 Mbps).
        Assert.Equal([(S.AddHours(1), 6.5 * M), (S.AddHours(2), 16.5 * M)], view.Series.Select(p => (p.At.ToUniversalTime(), p.RxAvgBps!.Value)));
    }
}
