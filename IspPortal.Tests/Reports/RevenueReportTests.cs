using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>
/// MRR movement, churn and cohorts over a small book worked out by hand (thousands of rupiah; P20 = 200, P50 = 300; report Feb–Jun 2025).
/// <code>
///           Jan  Feb  Mar  Apr  May  Jun
/// A          200  200  200  300  300  300   Karawang, changes to P50 in April (expansion)
/// B          200  200  200    –    –    –   terminated 10 April (churned in April)
/// C            –   p    200  200  200  200   Bekasi, registered 15 Feb: installation + prorated February (p, not MRR): new in March
/// D          200  200    –    –  200  200   no invoice in March and April (churned in March), reactivated in May
/// E          300  300  300  300  250  300   P50; a discount of 50 in May (contraction), back in June (expansion)
/// F            –    –  200  200   v    –   Bekasi, registered 1 March 00:30 Jakarta (28 Feb UTC); May's invoice voided (churned in May)
/// G          300  300  300  200  200  200   P50 down to P20 in April (contraction)
/// total     1200 1200 1400 1200 1150 1200
/// </code>
/// A, B, D, E and G were registered in December 2024.
/// </summary>
public sealed class RevenueReportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly MonthRange FebToJune = new(new DateOnly(2025, 2, 1), new DateOnly(2025, 6, 1));
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 7, 15, 3, 0, 0, TimeSpan.Zero));
    private BillingTestData _data = default!;
    private int _karawang, _bekasi, _p20, _p50;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        await using var db = database.CreateDbContext();
        (_karawang, _bekasi, _p20, _p50) = await RevenueReportData.SeedAsync(db, _clock.GetUtcNow());
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<MrrView> MrrAsync(MonthRange range, RevenueFilter? filter = null)
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<MrrMovement>().ForAsync(range, filter ?? RevenueFilter.None));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<ChurnView> ChurnAsync(MonthRange range, RevenueFilter? filter = null)
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<CustomerChurn>().ForAsync(range, filter ?? RevenueFilter.None));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    [Fact]
    public async Task Mrr_movement_per_month_from_the_invoices()
    {
        var view = await MrrAsync(FebToJune);

        // month, mrr, opening, new, expansion, contraction, churned, reactivated, active, arpu
        (int, decimal, decimal, decimal, decimal, decimal, decimal, decimal, int, decimal)[] expected =
        [
            (2, 1_200_000, 1_200_000, 0, 0, 0, 0, 0, 5, 240_000),
            (3, 1_400_000, 1_200_000, 400_000, 0, 0, 200_000, 0, 6, 233_333),
            (4, 1_200_000, 1_400_000, 0, 100_000, 100_000, 200_000, 0, 5, 240_000),
            (5, 1_150_000, 1_200_000, 0, 0, 50_000, 200_000, 200_000, 5, 230_000),
            (6, 1_200_000, 1_150_000, 0, 50_000, 0, 0, 0, 5, 240_000),
        ];
        Assert.Equal(expected, view.Months.Select(m => (m.Month.Month, m.Mrr, m.Opening, m.New, m.Expansion, m.Contraction, m.Churned, m.Reactivated, m.ActiveCustomers, m.Arpu)));
        foreach (var m in view.Months)
            Assert.Equal(m.Mrr, m.Opening + m.New + m.Reactivated + m.Expansion - m.Contraction - m.Churned);

        // From January, the December before had no MRR: everyone billed in January is new.
        var january = (await MrrAsync(new MonthRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)))).Months.Single();
        Assert.Equal((0m, 1_200_000m, 1_200_000m, 5), (january.Opening, january.New, january.Mrr, january.ActiveCustomers));
    }

    [Fact]
    public async Task Package_mix_location_and_router_in_the_last_month()
    {
        var view = await MrrAsync(FebToJune);

        Assert.Equal(new DateOnly(2025, 6, 1), view.MixMonth);
        Assert.Equal([("Rumahan 20 Mbps", 3, 600_000m, 0.5m, 200_000m), ("Rumahan 50 Mbps", 2, 600_000m, 0.5m, 300_000m)],
            view.Packages.Select(p => (p.Name, p.Customers, p.Mrr, p.Share, p.Arpu)));
        Assert.Equal([("Karawang", 4, 1_000_000m), ("Bekasi", 1, 200_000m)], view.Locations.Select(l => (l.Name, l.Customers, l.Mrr)));
        Assert.Equal([((int?)null, "Tanpa router", 5, 1_200_000m)], view.Routers.Select(r => (r.Id, r.Name, r.Customers, r.Mrr)));
    }

    [Fact]
    public async Task Filters_keep_the_customers_of_a_location_or_package()
    {
        var bekasi = await MrrAsync(FebToJune, new RevenueFilter(LocationId: _bekasi));
        Assert.Equal([0m, 400_000m, 400_000m, 200_000m, 200_000m], bekasi.Months.Select(m => m.Mrr));
        Assert.Equal([0m, 400_000m, 0m, 0m, 0m], bekasi.Months.Select(m => m.New));
        Assert.Equal([0m, 0m, 0m, 200_000m, 0m], bekasi.Months.Select(m => m.Churned));

        // Today's package: A, E (P50) only.
        var p50 = await MrrAsync(FebToJune, new RevenueFilter(PackageId: _p50));
        Assert.Equal([500_000m, 500_000m, 600_000m, 550_000m, 600_000m], p50.Months.Select(m => m.Mrr));
        var churn = await ChurnAsync(FebToJune, new RevenueFilter(LocationId: _karawang));
        Assert.Equal([0, 0, 0, 0, 0], churn.Months.Select(m => m.Registered));
        Assert.Equal([0, 0, 1, 0, 0], churn.Months.Select(m => m.Terminated));
    }

    [Fact]
    public async Task Churn_rate_net_growth_and_lifecycle_counts()
    {
        var view = await ChurnAsync(FebToJune);

        // month, active start, new, reactivated, churned, churn rate, net growth, active end, registered, terminated
        (int, int, int, int, int, decimal?, int, int, int, int)[] expected =
        [
            (2, 5, 0, 0, 0, 0m, 0, 5, 1, 0),
            (3, 5, 2, 0, 1, 0.2m, 1, 6, 1, 0),
            (4, 6, 0, 0, 1, 0.1667m, -1, 5, 0, 1),
            (5, 5, 0, 1, 1, 0.2m, 0, 5, 0, 0),
            (6, 5, 0, 0, 0, 0m, 0, 5, 0, 0),
        ];
        Assert.Equal(expected, view.Months.Select(m => (m.Month.Month, m.ActiveStart, m.NewCustomers, m.ReactivatedCustomers, m.ChurnedCustomers,
            m.ChurnRate, m.NetGrowth, m.ActiveEnd, m.Registered, m.Terminated)));
    }

    [Fact]
    public async Task Cohorts_by_registration_month_count_a_prorated_first_month_as_no_mrr()
    {
        var view = await ChurnAsync(FebToJune);

        Assert.Equal([new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)], view.Cohorts.Select(c => c.Cohort));
        var february = view.Cohorts[0];
        Assert.Equal(1, february.Size);
        Assert.Equal([0m, 1m, 1m, 1m, 1m, null, null, null, null, null, null, null], february.Retention);
        var march = view.Cohorts[1];
        Assert.Equal([1m, 1m, 0m, 0m, null, null, null, null, null, null, null, null], march.Retention);

        // December's cohort: A, B, D, E, G; January all five, D away in March and April, B gone from April.
        var december = (await ChurnAsync(new MonthRange(new DateOnly(2024, 12, 1), new DateOnly(2025, 6, 1)))).Cohorts[0];
        Assert.Equal((new DateOnly(2024, 12, 1), 5), (december.Cohort, december.Size));
        Assert.Equal([0m, 1m, 1m, 0.8m, 0.6m, 0.8m, 0.8m, null, null, null, null, null], december.Retention);
    }

    [Fact]
    public async Task Needs_reports_read_and_billing_read_and_sane_months_and_known_filters()
    {
        async Task<string> AsAsync(string role, MonthRange range, RevenueFilter? filter = null) => await _data.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), role, [role]);
            try
            {
                var churn = (await sp.GetRequiredService<CustomerChurn>().ForAsync(range, filter ?? RevenueFilter.None)).FirstError;
                Assert.Equal(churn, (await sp.GetRequiredService<MrrMovement>().ForAsync(range, filter ?? RevenueFilter.None)).FirstError);
                return churn;
            }
            finally
            {
                sp.GetRequiredService<TestActor>().Current = Actor.System;
            }
        });

        Assert.Equal(Actor.NotPermitted, await AsAsync(Roles.Staff, FebToJune));
        Assert.Equal(Actor.NotPermitted, await AsAsync(Roles.Noc, FebToJune));
        Assert.Equal("", await AsAsync(Roles.Finance, FebToJune));
        Assert.Equal("", await AsAsync(Roles.Manager, FebToJune));
        Assert.Equal("Bulan akhir tidak boleh sebelum bulan awal.", await AsAsync(Roles.Manager, new MonthRange(FebToJune.To, FebToJune.From)));
        Assert.Equal("Rentang laporan paling panjang 36 bulan.", await AsAsync(Roles.Manager, new MonthRange(new DateOnly(2022, 6, 1), FebToJune.To)));
        Assert.Equal("", await AsAsync(Roles.Manager, new MonthRange(new DateOnly(2022, 7, 1), FebToJune.To)));
        Assert.Equal("Lokasi tidak dikenal.", await AsAsync(Roles.Manager, FebToJune, new RevenueFilter(LocationId: _bekasi + 1000)));
        Assert.Equal("Router tidak dikenal.", await AsAsync(Roles.Manager, FebToJune, new RevenueFilter(RouterId: 1)));
    }
}
