using System.Globalization;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Core.Reports.Receivables;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Umur piutang and the collection figures over billing done through the real use cases, worked out by hand.
/// Invoices of 200,000 unless said, issued on the 1st and due on the 10th; the clock starts 15 March 2025 (Jakarta):
/// <code>
/// A  Dec 2024, Jan, Feb, Mar 2025 invoices; pays 150,000 cash on 15 Mar (to December, oldest first); isolated
/// B  Mar invoice; credit note 50,000 on 15 Mar
/// C  Mar invoice; voided on 15 Mar
/// D  Feb invoice; pays 200,000 cash on 20 Mar
/// E  300,000 issued 12 Mar, due 22 Mar
/// </code>
/// </summary>
public sealed class ReceivablesAgingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateOnly March14 = new(2025, 3, 14);
    private static readonly DateOnly March15 = new(2025, 3, 15);
    private static readonly DateOnly March20 = new(2025, 3, 20);
    private static readonly DateOnly February28 = new(2025, 2, 28);
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;
    private Customer _a = default!, _b = default!, _c = default!, _d = default!, _e = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        (_a, _b, _c, _d, _e) = (await _data.CustomerAsync("Andi"), await _data.CustomerAsync("Budi"), await _data.CustomerAsync("Citra"),
            await _data.CustomerAsync("Dewi"), await _data.CustomerAsync("Eko"));
        foreach (var month in new[] { new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1) })
            await _data.InvoiceAsync(_a, month);
        var b = await _data.InvoiceAsync(_b, new DateOnly(2025, 3, 1));
        var c = await _data.InvoiceAsync(_c, new DateOnly(2025, 3, 1));
        await _data.InvoiceAsync(_d, new DateOnly(2025, 2, 1));
        await using (var db = database.CreateDbContext())
        {
            var e = new Invoice("INV/2025/03/E", _e.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 22), 0, _clock.GetUtcNow());
            e.AddLine(InvoiceLineKind.Installation, "Pemasangan", 1, 300_000m);
            db.Invoices.Add(e);
            var a = await db.Customers.SingleAsync(x => x.Id == _a.Id);
            a.ChangeStatus(CustomerStatus.Isolated, StatusChangeSource.System, "Tunggakan", _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        // The invoices were written straight to the tables: the backfill posts them, dated their issue day.
        await _data.InScopeAsync(sp => sp.GetRequiredService<LedgerBackfill>().ExecuteAsync());

        await _data.PayAsync(new PaymentInput(_a.Code, PaymentMethod.Cash, 150_000m, "a-cash"));
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<InvoiceCorrections>().CreditAsync(b.Number, 50_000m, "Gangguan"))).Succeeded);
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<InvoiceCorrections>().VoidAsync(c.Number, "Salah paket"))).Succeeded);
        _clock.Advance(TimeSpan.FromDays(5));
        await _data.PayAsync(new PaymentInput(_d.Code, PaymentMethod.Cash, 200_000m, "d-cash"));
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<AgingView> AgingAsync(DateOnly asOf, AgingFilter? filter = null)
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<ReceivablesAging>().AsOfAsync(asOf, filter ?? AgingFilter.None));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<decimal> LedgerReceivableAsync(DateOnly asOf)
    {
        await using var db = database.CreateDbContext();
        var account = await db.LedgerAccounts.SingleAsync(a => a.Role == AccountRoles.Receivable);
        return (await LedgerSums.Between(db, null, asOf, account.Id).ToListAsync()).Sum(s => s.Net);
    }

    private static (decimal, int)[] Buckets(AgingView view) => [.. view.Buckets.Select(b => (b.Amount, b.Customers))];

    [Fact]
    public async Task Buckets_by_days_past_due_at_the_date_count_partial_payments_credit_notes_and_voids_only_once_they_happened()
    {
        var march15 = await AgingAsync(March15);

        Assert.Equal(["Belum jatuh tempo", "1–30", "31–60", "61–90", ">90"], march15.Buckets.Select(b => b.Name));
        // A: Dec 95 days late (50,000 left), Jan 64, Feb 33, Mar 5; B 150,000 (5); C void; D Feb (33, paid only on the 20th); E not due.
        Assert.Equal([(300_000m, 1), (350_000m, 2), (400_000m, 2), (200_000m, 1), (50_000m, 1)], Buckets(march15));
        Assert.Equal(1_300_000m, march15.Total);
        var a = march15.Rows.Single(r => r.CustomerId == _a.Id);
        Assert.Equal(("0,200000,200000,200000,50000", 650_000m, 95, true), (string.Join(",", a.Amounts.Select(x => x.ToString("0", System.Globalization.CultureInfo.InvariantCulture))), a.Total, a.OldestDays, a.Isolated));
        Assert.Equal([_a.Id, _e.Id, _d.Id, _b.Id], march15.Rows.Select(r => r.CustomerId));
        Assert.Equal(0, march15.Rows.Single(r => r.CustomerId == _e.Id).OldestDays);

        // The day before, nothing had been paid, credited or voided yet.
        var march14 = await AgingAsync(March14);
        Assert.Equal([(300_000m, 1), (600_000m, 3), (400_000m, 2), (200_000m, 1), (200_000m, 1)], Buckets(march14));
        Assert.Equal(1_700_000m, march14.Total);

        // Today: D has paid, everything is five days older, E is still not due.
        var march20 = await AgingAsync(March20);
        Assert.Equal([(300_000m, 1), (350_000m, 2), (200_000m, 1), (200_000m, 1), (50_000m, 1)], Buckets(march20));

        var february = await AgingAsync(February28);
        Assert.Equal([(0m, 0), (400_000m, 2), (200_000m, 1), (200_000m, 1), (0m, 0)], Buckets(february));
    }

    [Fact]
    public async Task The_unfiltered_total_is_piutang_usaha_in_the_ledger_at_every_date()
    {
        foreach (var day in new[] { new DateOnly(2024, 11, 30), new DateOnly(2024, 12, 31), February28, March14, March15, new DateOnly(2025, 3, 19), March20, new DateOnly(2025, 12, 31) })
            Assert.Equal(await LedgerReceivableAsync(day), (await AgingAsync(day)).Total);
        Assert.Equal(1_100_000m, await LedgerReceivableAsync(March20));
        // The dashboard's "Tagihan belum lunas" is the same figure today (a credit note and a void among them).
        Assert.Equal((await AgingAsync(March20)).Total, (await _data.InScopeAsync(sp => sp.GetRequiredService<DashboardSummary>().LoadAsync())).AmountDue);
    }

    [Fact]
    public async Task Filters_subtotals_and_top_debtors()
    {
        var isolated = await AgingAsync(March15, new AgingFilter(Status: CustomerStatus.Isolated));
        Assert.Equal((650_000m, 1), (isolated.Total, isolated.Rows.Count));
        var view = await AgingAsync(March15);
        var location = Assert.Single(view.ByLocation);
        Assert.Equal(("Karawang", 1_300_000m, 4), (location.Name, location.Total, location.Customers));
        Assert.Equal(("Tanpa router", 1_300_000m), (view.ByRouter.Single().Name, view.ByRouter.Single().Total));
        Assert.Equal([300_000m, 350_000m, 400_000m, 200_000m, 50_000m], view.ByPackage.Single().Amounts);
        Assert.Equal(view.Rows.Take(10).Select(r => r.CustomerId), view.TopDebtors.Select(r => r.CustomerId));
        Assert.True(view.TopDebtors[0].Isolated);
        Assert.Equal(0m, (await AgingAsync(March15, new AgingFilter(LocationId: location.Id!.Value + 1000))).Total);
        Assert.Equal(1_300_000m, (await AgingAsync(March15, new AgingFilter(LocationId: location.Id))).Total);
    }

    [Fact]
    public async Task Collection_rate_dso_and_days_to_pay_per_method()
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<CollectionMetrics>().ForAsync(new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31), AgingFilter.None));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        var view = outcome.Value!;

        // February billed A and D (400,000), collected nothing; March billed A, B and E (C is void): 700,000, collected 150,000 + 200,000.
        Assert.Equal([(new DateOnly(2025, 2, 1), 400_000m, 0m, (decimal?)0m), (new DateOnly(2025, 3, 1), 700_000m, 350_000m, 50.0m)],
            view.Months.Select(m => (m.Month, m.Billed, m.Collected, m.Rate)));
        // DSO: 1,100,000 owed at 31 March ÷ 1,100,000 billed × 59 days.
        Assert.Equal((1_100_000m, 1_100_000m, 59.0m), (view.Billed, view.Receivable, view.Dso));
        // Cash: A's December invoice paid 104 days after issue, D's February one 47 days after.
        var cash = Assert.Single(view.DaysToPay);
        Assert.Equal((PaymentMethod.Cash, 2, 75.5m), (cash.Method, cash.Payments, cash.AverageDays));
    }

    [Theory]
    [InlineData("2024-12-10", "2025-03-20")]
    [InlineData("2025-03-01", "2025-03-31")]
    [InlineData("2025-03-15", "2025-03-15")]
    [InlineData("2025-01-01", "2025-03-19")]
    public async Task Collection_from_the_databases_totals_equals_the_invoices_and_allocations_read_one_by_one(string from, string to)
    {
        // A filter every customer passes takes the path that reads invoices and allocations themselves; no filter reads the totals.
        await using (var db = database.CreateDbContext())
            Assert.Single(await db.Customers.Select(c => c.LocationCodeId).Distinct().ToListAsync());
        var everyone = new AgingFilter(LocationId: _a.LocationCodeId);
        async Task<CollectionView> RunAsync(AgingFilter filter) => (await _data.InScopeAsync(sp => sp.GetRequiredService<CollectionMetrics>()
            .ForAsync(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), filter))).Value!;
        static object Figures(CollectionView v) => (v.Billed, v.Collected, v.Receivable, v.Dso,
            string.Join(";", v.Months.Select(m => (m.Month, m.Billed, m.Collected, m.Rate))), string.Join(";", v.DaysToPay));

        var expected = Figures(await RunAsync(everyone));
        Assert.Equal(expected, Figures(await RunAsync(AgingFilter.None)));
        await _data.InScopeAsync(sp => sp.GetRequiredService<ILedgerTotalsCompactor>().CompactAsync());
        Assert.Equal(expected, Figures(await RunAsync(AgingFilter.None)));
    }

    [Fact]
    public async Task Needs_reports_read_and_billing_read_and_a_sane_date()
    {
        async Task<string> AsAsync(string role, DateOnly day) => await _data.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), role, [role]);
            try
            {
                return (await sp.GetRequiredService<ReceivablesAging>().AsOfAsync(day, AgingFilter.None)).FirstError;
            }
            finally
            {
                sp.GetRequiredService<TestActor>().Current = Actor.System;
            }
        });

        Assert.Equal(Actor.NotPermitted, await AsAsync(Roles.Staff, March15));
        Assert.Equal(Actor.NotPermitted, await AsAsync(Roles.Technician, March15));
        Assert.Equal("", await AsAsync(Roles.Finance, March15));
        Assert.Equal("", await AsAsync(Roles.Manager, March15));
        Assert.NotEqual("", await AsAsync(Roles.Manager, new DateOnly(1999, 12, 31)));
    }
}
