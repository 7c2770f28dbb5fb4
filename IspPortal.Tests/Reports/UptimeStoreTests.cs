using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Network;
using IspPortal.Infrastructure.Reports.Network;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IspPortal.Tests.Reports.NetworkReportData;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The stored uptime days (<see cref="UptimeDayStore"/>): over <see cref="NetworkReportData"/> (now: 15 March 2025, 10:00 in Jakarta),
/// every figure after the job has run — per customer, per router, per filter, ten days, the month, twelve months, the per-range trend —
/// is the figure computed live before it ran; a backdated log, a resolved alert or a customer moving router makes the days they touch
/// dirty, read live until the job runs again, and the figures stay the live ones.
/// </summary>
public sealed class UptimeStoreTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private NetworkReportData _data = default!;

    private static readonly (DateOnly From, DateOnly To)[] Windows =
    [
        (From, To), (new(2025, 3, 1), new(2025, 3, 15)), (new(2025, 2, 1), new(2025, 2, 28)), (new(2025, 3, 5), new(2025, 3, 5)),
        (new(2024, 3, 16), new(2025, 3, 15)), (new(2025, 1, 20), new(2025, 3, 9)),
    ];

    private static readonly (DateOnly, DateOnly)[] Months =
    [
        (new(2024, 12, 1), new(2024, 12, 31)), (new(2025, 1, 1), new(2025, 1, 31)), (new(2025, 2, 1), new(2025, 2, 28)), (new(2025, 3, 1), new(2025, 3, 15)),
    ];

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _data = await SeedAsync(database);
        _services = CoreServices.Build(database.ConnectionString, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private NetworkFilter[] Filters =>
        [NetworkFilter.None, new(RouterId: _data.Aaa), new(RouterId: _data.Bbb), new(LocationId: _data.Purwakarta)];

    private async Task<int> FillAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UptimeDayStore>().FillAsync();
    }

    /// <summary>Every report of <see cref="Windows"/> and the per-month trend, per filter, as JSON.</summary>
    private async Task<List<string>> FiguresAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var uptime = scope.ServiceProvider.GetRequiredService<NetworkUptime>();
        var figures = new List<string>();
        foreach (var filter in Filters)
        {
            foreach (var (from, to) in Windows)
            {
                var view = await uptime.ForAsync(from, to, filter, NetworkUptime.MaxCustomerRows);
                Assert.True(view.Succeeded, view.FirstError);
                figures.Add($"{filter} {from}..{to}: {JsonSerializer.Serialize(view.Value)}");
            }
            var trend = await uptime.PerRangeAsync(Months, filter);
            Assert.True(trend.Succeeded, trend.FirstError);
            figures.Add($"{filter} trend: {JsonSerializer.Serialize(trend.Value!.Select(m => (m.From, m.To, m.UptimePercent, Math.Round(m.ServiceMinutes, 6), Math.Round(m.OutageMinutes, 6))))}");
        }
        return figures;
    }

    private async Task<List<string>> LiveFiguresAsync()
    {
        // The same figures with nothing stored: the live statements alone.
        await using (var db = database.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM uptime_days");
        return await FiguresAsync();
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var db = database.CreateDbContext();
        var sql = $"SELECT count(*) AS \"Value\" FROM {table}";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    private static void AssertSame(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public async Task After_the_job_every_figure_is_the_live_one_and_is_read_from_the_stored_days()
    {
        var live = await FiguresAsync();

        var days = await FillAsync();
        var stored = await FiguresAsync();

        Assert.Equal(UptimeDayStore.HorizonDays, days); // every day of the horizon up to yesterday (14 March)
        Assert.Equal(UptimeDayStore.HorizonDays, await CountAsync("uptime_days"));
        Assert.Equal(0, await FillAsync()); // nothing left to do
        AssertSame(live, stored);
        // A short page is the long one's first rows (names read only for those that can be on it), with the same totals.
        await using (var scope = _services.CreateAsyncScope())
        {
            var uptime = scope.ServiceProvider.GetRequiredService<NetworkUptime>();
            var all = (await uptime.ForAsync(new(2025, 2, 1), new(2025, 3, 15), NetworkFilter.None, NetworkUptime.MaxCustomerRows)).Value!;
            var two = (await uptime.ForAsync(new(2025, 2, 1), new(2025, 3, 15), NetworkFilter.None, 2)).Value!;
            Assert.True(all.Customers.Count > 2);
            Assert.Equal(all.Customers.Take(2), two.Customers);
            Assert.Equal((all.CustomerCount, all.UptimePercent), (two.CustomerCount, two.UptimePercent));
        }
        // The customers' non-plain days: C2's isolation and outages, C1's router outages, C3 offline until 4 March, C5's first day...
        Assert.True(await CountAsync("uptime_customer_days") > 0);

        // The reports do read the stored days: ten stored minutes more change the figure.
        async Task<decimal> FebruaryLostAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            var february = (await scope.ServiceProvider.GetRequiredService<NetworkUptime>().ForAsync(new(2025, 2, 1), new(2025, 2, 28), NetworkFilter.None)).Value!;
            return february.Customers.Single(c => c.CustomerId == _data.Customers[0]).OutageMinutes;
        }
        var before = await FebruaryLostAsync();
        await ExecuteAsync("UPDATE uptime_customer_months SET lost_seconds = lost_seconds + 600 WHERE month = date '2025-02-01' AND customer_id = {0}", _data.Customers[0]);
        Assert.Equal(before + 10m, await FebruaryLostAsync());

        // A run of whole months (April 2024 – February 2025 in the year) is read from the running totals at its last month; the
        // unfiltered trend from the days' network totals.
        async Task<(decimal YearLost, decimal FebruaryTrendLost)> StoredReadsAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            var uptime = scope.ServiceProvider.GetRequiredService<NetworkUptime>();
            var year = (await uptime.ForAsync(new(2024, 3, 16), new(2025, 3, 15), NetworkFilter.None, NetworkUptime.MaxCustomerRows)).Value!;
            var trend = (await uptime.PerRangeAsync(Months, NetworkFilter.None)).Value!;
            return (year.Customers.Single(c => c.CustomerId == _data.Customers[0]).OutageMinutes, trend[2].OutageMinutes);
        }
        var (yearBefore, trendBefore) = await StoredReadsAsync();
        await ExecuteAsync("UPDATE uptime_customer_months SET cum_lost_seconds = cum_lost_seconds + 1200 WHERE month = date '2025-02-01' AND customer_id = {0}", _data.Customers[0]);
        await ExecuteAsync("UPDATE uptime_days SET lost_seconds = lost_seconds + 1800 WHERE day = date '2025-02-10'");
        Assert.Equal((yearBefore + 20m, trendBefore + 30m), await StoredReadsAsync());
    }

    [Fact]
    public async Task A_backdated_outage_a_resolved_alert_and_a_move_are_read_live_until_the_job_stores_them_again()
    {
        await FillAsync();
        var c1 = _data.Customers[0];
        // C1 Offline 30 minutes on 5 March (a consistent pair, written after the day was stored), BBB's open outage resolved,
        // an outage of AAA on 20 February, and C3 moved from BBB to AAA.
        const string log = "INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source) VALUES ({0}, {1}, 'Connection', {2}, {3}, 'Sync')";
        await ExecuteAsync(log, c1, At(4 * 1440 + 600), "Online", "Offline");
        await ExecuteAsync(log, c1, At(4 * 1440 + 630), "Offline", "Online");
        await ExecuteAsync("UPDATE network_alerts SET resolved_at = {0} WHERE router_id = {1} AND kind = 'RouterUnreachable' AND resolved_at IS NULL",
            At(14_200), _data.Bbb);
        await ExecuteAsync("INSERT INTO network_alerts (router_id, kind, message, opened_at, resolved_at, last_seen_at, occurrences) VALUES ({0}, 'RouterUnreachable', 'x', {1}, {2}, {2}, 1)",
            _data.Aaa, At(-9 * 1440 + 100), At(-9 * 1440 + 160));
        await ExecuteAsync("UPDATE customers SET router_id = {0} WHERE id = {1}", _data.Aaa, _data.Customers[2]);
        Assert.True(await CountAsync("uptime_dirty_spans") >= 4);

        var mixed = await FiguresAsync();
        await using (var scope = _services.CreateAsyncScope())
        {
            var fifth = (await scope.ServiceProvider.GetRequiredService<NetworkUptime>().ForAsync(From.AddDays(4), From.AddDays(4), new NetworkFilter(RouterId: _data.Aaa))).Value!;
            Assert.Equal(30m, fifth.Customers.Single(c => c.CustomerId == c1).OutageMinutes);
        }

        await FillAsync();
        Assert.Equal(0, await CountAsync("uptime_dirty_spans"));
        var refilled = await FiguresAsync();
        var live = await LiveFiguresAsync();

        AssertSame(live, mixed);
        AssertSame(live, refilled);
    }

    [Fact]
    public async Task Each_run_stores_the_days_that_ended_since_the_last_and_forgets_those_past_the_horizon()
    {
        Assert.Equal(UptimeDayStore.HorizonDays, await FillAsync());

        _clock.Advance(TimeSpan.FromHours(13)); // 23:00 in Jakarta: 15 March has not ended
        Assert.Equal(0, await FillAsync());
        _clock.Advance(TimeSpan.FromHours(2)); // 01:00 on 16 March
        Assert.Equal(1, await FillAsync());

        await using var db = database.CreateDbContext();
        Assert.Equal(new DateOnly(2025, 3, 15), await db.UptimeDays.MaxAsync(d => d.Day));
        Assert.Equal(new DateOnly(2025, 3, 16).AddDays(-UptimeDayStore.HorizonDays), await db.UptimeDays.MinAsync(d => d.Day));
    }

    [Fact]
    public async Task A_log_that_disagrees_with_the_days_before_it_marks_them_and_a_consistent_one_only_its_own_day()
    {
        await FillAsync();
        var c1 = _data.Customers[0];
        const string log = "INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source) VALUES ({0}, {1}, 'Connection', {2}, {3}, 'Sync')";

        await ExecuteAsync(log, c1, At(7 * 1440 + 60), "Online", "Online");
        await using (var db = database.CreateDbContext())
        {
            var consistent = await db.UptimeDirtySpans.SingleAsync();
            Assert.Equal(consistent.StartsAt, consistent.EndsAt);
            await db.UptimeDirtySpans.ExecuteDeleteAsync();
        }

        // Offline→Online on 6 March although C1 was Online since its log before the window: the days since that log read Offline now.
        await ExecuteAsync(log, c1, At(5 * 1440 + 600), "Offline", "Online");
        await using (var db = database.CreateDbContext())
        {
            var span = await db.UptimeDirtySpans.SingleAsync();
            Assert.Equal(At(-10_000), span.StartsAt);
            Assert.Equal(At(5 * 1440 + 600), span.EndsAt);
        }
        var mixed = await FiguresAsync();
        AssertSame(await LiveFiguresAsync(), mixed);
    }
}
