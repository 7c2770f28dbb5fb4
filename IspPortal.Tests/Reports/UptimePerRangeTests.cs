using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Network;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IspPortal.Tests.Reports.NetworkReportData;

namespace IspPortal.Tests.Reports;

/// <summary>
/// <see cref="NetworkUptime.PerRangeAsync"/> (the dashboard's uptime trend in one query) gives, for every range, the figure the report gives
/// over that range alone, over <see cref="NetworkReportData"/> plus a log that disagrees with the state before it (C1 Offline→Online on
/// 6 March at 10:00 although C1 was Online): the report over 6 March alone counts C1 Offline from midnight, a report over the month does not.
/// </summary>
public sealed class UptimePerRangeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private NetworkReportData _data = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _data = await SeedAsync(database);
        await using (var db = database.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source) VALUES ({0}, {1}, 'Connection', 'Offline', 'Online', 'Sync')",
                _data.Customers[0], At(5 * 1440 + 600));
        _services = CoreServices.Build(database.ConnectionString, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<T> UseAsync<T>(Func<NetworkUptime, Task<T>> run, string? role = null)
    {
        _services.GetRequiredService<TestActor>().Current = role is null ? Actor.System : Actor.For(Guid.NewGuid(), "user", [role]);
        await using var scope = _services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<NetworkUptime>());
    }

    private async Task AssertEachRangeIsTheReportsFigureAsync((DateOnly, DateOnly)[] ranges, NetworkFilter filter)
    {
        var outcome = await UseAsync(u => u.PerRangeAsync(ranges, filter));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal(ranges, outcome.Value!.Select(m => (m.From, m.To)));
        foreach (var minutes in outcome.Value!)
        {
            var report = (await UseAsync(u => u.ForAsync(minutes.From, minutes.To, filter, NetworkUptime.MaxCustomerRows))).Value!;
            Assert.True(report.UptimePercent == minutes.UptimePercent,
                $"{minutes.From:yyyy-MM-dd}..{minutes.To:yyyy-MM-dd}: report {report.UptimePercent}, per range {minutes.UptimePercent}");
            Assert.Equal(report.Customers.Sum(c => c.ServiceMinutes), Math.Round(minutes.ServiceMinutes, 1), 0);
        }
    }

    private static (DateOnly, DateOnly)[] Days(int count) => [.. Enumerable.Range(0, count).Select(i => (From.AddDays(i), From.AddDays(i)))];

    [Fact]
    public async Task Every_day_of_march_is_the_reports_figure_for_that_day()
    {
        await AssertEachRangeIsTheReportsFigureAsync(Days(15), NetworkFilter.None);

        var days = (await UseAsync(u => u.PerRangeAsync(Days(15), NetworkFilter.None))).Value!;
        // 6 March: C1 Offline from midnight until 10:00 (its log's from_value), nobody else; 7 March: nobody.
        Assert.Equal(600m, days[5].OutageMinutes);
        Assert.Equal(0m, days[6].OutageMinutes);
    }

    [Fact]
    public async Task Months_and_filters_are_the_reports_figures_too()
    {
        (DateOnly, DateOnly)[] months = [(new(2025, 1, 1), new(2025, 1, 31)), (new(2025, 2, 1), new(2025, 2, 28)), (From, new(2025, 3, 15))];

        await AssertEachRangeIsTheReportsFigureAsync(months, NetworkFilter.None);
        await AssertEachRangeIsTheReportsFigureAsync(Days(12), new NetworkFilter(RouterId: _data.Bbb));
        await AssertEachRangeIsTheReportsFigureAsync(Days(12), new NetworkFilter(LocationId: _data.Purwakarta));
        await AssertEachRangeIsTheReportsFigureAsync([(new(2025, 3, 2), new(2025, 3, 3)), (new(2025, 3, 6), new(2025, 3, 9))], new NetworkFilter(RouterId: _data.Aaa));
    }

    [Fact]
    public async Task Customers_without_logs_on_a_router_never_down_count_as_the_report_counts_them()
    {
        // Router CCC is never down. Without any log: Q1 Active and Offline, created 3 March 06:00; Q2 Active and Online; Q3 Isolated.
        int ccc;
        await using (var db = database.CreateDbContext())
        {
            var karawang = await db.LocationCodes.SingleAsync(l => l.Code == "KRW");
            var package = await db.ServicePackages.SingleAsync();
            var router = new Core.Network.Router("CCC", "Router Gamma", karawang.Id, "10.0.0.3", Core.Network.Router.DefaultApiPort, "api", "", At(-1440))
                { IsolationProfile = "isolir" };
            db.Routers.Add(router);
            await db.SaveChangesAsync();
            ccc = router.Id;
            var customers = new[] { At(2 * 1440 + 360), At(-1440), At(-1440) }
                .Select((created, i) => new Core.Customers.Customer($"KRW-Q{i + 1}", $"Tenang {i + 1}", $"+6281300000{i + 1}", karawang.Id, package.Id, created))
                .ToArray();
            foreach (var customer in customers)
                customer.AssignRouter(ccc);
            db.Customers.AddRange(customers);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE customers SET status = CASE code WHEN 'KRW-Q3' THEN 'Isolated' ELSE 'Active' END, connection_state = CASE code WHEN 'KRW-Q1' THEN 'Offline' ELSE 'Online' END WHERE code LIKE 'KRW-Q%'");
        }

        await AssertEachRangeIsTheReportsFigureAsync(Days(15), NetworkFilter.None);
        await AssertEachRangeIsTheReportsFigureAsync(Days(15), new NetworkFilter(RouterId: ccc));
        var days = (await UseAsync(u => u.PerRangeAsync(Days(4), new NetworkFilter(RouterId: ccc)))).Value!;
        Assert.Equal([(1440m, 0m), (1440m, 0m), (1440m + 1080m, 1080m), (2880m, 1440m)], days.Select(d => (d.ServiceMinutes, d.OutageMinutes)));
    }

    [Fact]
    public async Task Overlapping_ranges_and_readers_without_the_permission_are_refused()
    {
        var overlapping = await UseAsync(u => u.PerRangeAsync([(From, From.AddDays(2)), (From.AddDays(2), From.AddDays(3))], NetworkFilter.None));
        var staff = await UseAsync(u => u.PerRangeAsync(Days(2), NetworkFilter.None), Roles.Staff);
        var noc = await UseAsync(u => u.PerRangeAsync(Days(2), NetworkFilter.None), Roles.Noc);

        Assert.Equal("from", Assert.Single(overlapping.Errors).Key);
        Assert.Equal(Actor.NotPermitted, staff.FirstError);
        Assert.True(noc.Succeeded, noc.FirstError);
    }
}
