using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Health;
using IspPortal.Infrastructure.Network.Health;
using IspPortal.Tests.Platform.Persistence;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

/// <summary>Router health samples rolled up into 5-minute and hourly buckets, and the retention of both.</summary>
public sealed class RouterHealthRollupTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Ten = new(2031, 5, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Ten.AddMinutes(7));
    private int _routerId;

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await using var context = db.CreateDbContext();
        var location = new LocationCode { Code = "KRW", Name = "Karawang", CreatedAt = Ten };
        context.LocationCodes.Add(location);
        await context.SaveChangesAsync();
        var router = new Router("KRW", "Karawang", location.Id, "10.0.0.1", Router.DefaultApiPort, "api", "", Ten) { IsolationProfile = "isolir" };
        context.Routers.Add(router);
        await context.SaveChangesAsync();
        _routerId = router.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Closed_buckets_get_avg_max_and_p95_of_cpu_and_traffic_and_sessions_online_and_a_rerun_writes_the_same_rows()
    {
        // Rates are bytes since the previous sample × 8 / 60 s: rx 1000, 2000, 3000, 4000, 10000 bit/s;
        // tx 1000, (restart: none), 2000, 0, 1000. The 10:05:30 sample is in a bucket still open at 10:07.
        await AddSamplesAsync(
            (Ten.AddMinutes(-1), 5, 90, 0, 1_000_000),
            (Ten, 10, 100, 7_500, 1_007_500),
            (Ten.AddMinutes(1), 20, 102, 22_500, 500),
            (Ten.AddMinutes(2), 30, 98, 45_000, 15_500),
            (Ten.AddMinutes(3), 40, 101, 75_000, 15_500),
            (Ten.AddMinutes(4), 90, 99, 150_000, 23_000),
            (Ten.AddMinutes(5.5), 50, 100, 150_000, 23_000));

        var first = await RollUpAsync();
        var fiveMinutes = await FiveMinuteRowsAsync();
        var second = await RollUpAsync();

        Assert.Equal([Ten.AddMinutes(-5), Ten], fiveMinutes.Select(r => r.BucketStart));
        var bucket = fiveMinutes[1];
        Assert.Equal((5, 38.0, (short)90, 80.0), (bucket.Samples, bucket.CpuAvg, bucket.CpuMax, Math.Round(bucket.CpuP95, 9)));
        Assert.Equal((100.0, 102), (bucket.SessionsAvg, bucket.SessionsMax));
        Assert.Equal((4000.0, 10000.0, 8800.0), (Math.Round(bucket.RxBpsAvg!.Value, 9), bucket.RxBpsMax, Math.Round(bucket.RxBpsP95!.Value, 9)));
        Assert.Equal((1000.0, 2000.0, 1850.0), (Math.Round(bucket.TxBpsAvg!.Value, 9), bucket.TxBpsMax, Math.Round(bucket.TxBpsP95!.Value, 9)));
        Assert.Null(fiveMinutes[0].RxBpsAvg); // its one sample has no earlier one to take a rate from
        Assert.Equivalent(fiveMinutes, await FiveMinuteRowsAsync(), strict: true);
        Assert.Equal(2, first.FiveMinuteBuckets);
        Assert.Equal(2, second.FiveMinuteBuckets); // the buckets a late sample could still reach are rewritten, identically
        Assert.Equal([Ten.AddHours(-1)], (await HourlyRowsAsync()).Select(r => r.BucketStart)); // 10:00 is not over yet

        _clock.Advance(TimeSpan.FromHours(1));
        await RollUpAsync();

        var hour = Assert.Single(await HourlyRowsAsync(), r => r.BucketStart == Ten);
        Assert.Equal((6, 40.0, (short)90, 80.0), (hour.Samples, Math.Round(hour.CpuAvg, 9), hour.CpuMax, Math.Round(hour.CpuP95, 9)));
        Assert.Equal((3333.333, 10000.0), (Math.Round(hour.RxBpsAvg!.Value, 3), hour.RxBpsMax));
        Assert.Equal(3, (await FiveMinuteRowsAsync()).Count);
    }

    [Fact]
    public async Task A_sample_committed_after_its_bucket_was_rolled_up_is_counted_by_the_next_run()
    {
        await AddSamplesAsync((Ten.AddMinutes(1), 10, 100, 0, 0), (Ten.AddMinutes(2), 20, 100, 0, 0));
        await RollUpAsync();
        await AddSamplesAsync((Ten.AddMinutes(4.9), 60, 100, 0, 0)); // a slow sync's sample, stamped at its start

        _clock.Advance(TimeSpan.FromMinutes(5));
        await RollUpAsync();

        var bucket = Assert.Single(await FiveMinuteRowsAsync(), r => r.BucketStart == Ten);
        Assert.Equal((3, (short)60, 30.0), (bucket.Samples, bucket.CpuMax, bucket.CpuAvg));
    }

    [Fact]
    public async Task Raw_samples_older_than_14_days_and_buckets_older_than_24_months_are_deleted_after_being_rolled_up()
    {
        var now = _clock.GetUtcNow();
        var rawCutoff = now.AddDays(-14);
        await AddSamplesAsync((rawCutoff.AddSeconds(-1), 10, 1, 0, 0), (rawCutoff.AddSeconds(1), 20, 2, 0, 0));
        var aggregateCutoff = now.AddMonths(-24);
        await using (var context = db.CreateDbContext())
        {
            foreach (var table in new[] { "router_health_5min", "router_health_hourly" })
                foreach (var start in new[] { aggregateCutoff.AddMinutes(-5), aggregateCutoff })
                    await context.Database.ExecuteSqlRawAsync(
                        string.Concat("INSERT INTO ", table, " (router_id, bucket_start, samples, cpu_avg, cpu_max, cpu_p95, sessions_avg, sessions_max) VALUES ({0}, {1}, 1, 1, 1, 1, 1, 1)"),
                        _routerId, start);
        }

        var result = await RollUpAsync();

        await using var check = db.CreateDbContext();
        Assert.Equal([rawCutoff.AddSeconds(1)], await check.RouterHealthSamples.Select(s => s.SampledAt).ToListAsync());
        Assert.Equal((1, 2), (result.RawDeleted, result.AggregatesDeleted));
        var fiveMinuteStarts = await check.RouterHealthFiveMinutes.OrderBy(a => a.BucketStart).Select(a => a.BucketStart).ToListAsync();
        var hourlyStarts = await check.RouterHealthHourly.OrderBy(a => a.BucketStart).Select(a => a.BucketStart).ToListAsync();
        Assert.Equal([aggregateCutoff, new DateTimeOffset(2031, 4, 26, 10, 5, 0, TimeSpan.Zero)], fiveMinuteStarts);
        Assert.Equal([aggregateCutoff, new DateTimeOffset(2031, 4, 26, 10, 0, 0, TimeSpan.Zero)], hourlyStarts);
    }

    [Fact]
    public async Task History_reads_a_routers_buckets_in_a_range_oldest_first_for_those_who_may_read_the_network()
    {
        await AddSamplesAsync((Ten.AddMinutes(-1), 5, 90, 0, 0), (Ten, 10, 100, 7_500, 0), (Ten.AddMinutes(1), 20, 102, 15_000, 0));
        await RollUpAsync();
        var noc = Actor.For(Guid.NewGuid(), "noc", [Roles.Noc]);
        var finance = Actor.For(Guid.NewGuid(), "finance", [Roles.Finance]);

        var points = await HistoryAsync(noc, Ten.AddMinutes(-5), Ten.AddMinutes(5), RouterHealthResolution.FiveMinutes);
        var fromTen = await HistoryAsync(noc, Ten, Ten.AddHours(1), RouterHealthResolution.FiveMinutes);
        var hourly = await HistoryAsync(noc, Ten.AddDays(-1), Ten, RouterHealthResolution.Hourly);
        var refused = await HistoryAsync(finance, Ten.AddDays(-1), Ten, RouterHealthResolution.Hourly);
        var backwards = await HistoryAsync(noc, Ten, Ten.AddDays(-1), RouterHealthResolution.Hourly);

        Assert.Equal([Ten.AddMinutes(-5), Ten], points.Value!.Select(p => p.BucketStart));
        Assert.Equal((2, 15.0, 1000.0), (points.Value![1].Samples, points.Value[1].CpuAvg, Math.Round(points.Value[1].RxBpsAvg!.Value, 9)));
        Assert.Equal([Ten], fromTen.Value!.Select(p => p.BucketStart));
        Assert.Equal([Ten.AddHours(-1)], hourly.Value!.Select(p => p.BucketStart));
        Assert.Equal(Actor.NotPermitted, refused.FirstError);
        Assert.False(backwards.Succeeded);
    }

    private async Task AddSamplesAsync(params (DateTimeOffset At, short Cpu, int Sessions, long Rx, long Tx)[] samples)
    {
        await using var context = db.CreateDbContext();
        context.RouterHealthSamples.AddRange(samples.Select(s => new RouterHealthSample(_routerId, s.At, s.Cpu, 3600, s.Sessions, s.Rx, s.Tx)));
        await context.SaveChangesAsync();
    }

    private async Task<RouterHealthRollupResult> RollUpAsync()
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, _clock, Actor.System);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RouterHealthRollup>().RunAsync(_clock.GetUtcNow());
        Assert.NotNull(result);
        return result;
    }

    private async Task<Core.Common.Outcome<IReadOnlyList<RouterHealthPoint>>> HistoryAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, RouterHealthResolution resolution)
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, _clock, actor);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RouterHealthHistory>().ExecuteAsync(_routerId, from, to, resolution);
    }

    private async Task<List<RouterHealthFiveMinutes>> FiveMinuteRowsAsync()
    {
        await using var context = db.CreateDbContext();
        return await context.RouterHealthFiveMinutes.AsNoTracking().OrderBy(r => r.BucketStart).ToListAsync();
    }

    private async Task<List<RouterHealthHourly>> HourlyRowsAsync()
    {
        await using var context = db.CreateDbContext();
        return await context.RouterHealthHourly.AsNoTracking().OrderBy(r => r.BucketStart).ToListAsync();
    }
}
