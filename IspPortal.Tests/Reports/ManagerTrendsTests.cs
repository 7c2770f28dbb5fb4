using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Core.Reports.Network;
using IspPortal.Core.Reports.Receivables;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Analytics;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The manager's trends and Finance's landing over billing and tickets worked out by hand. Invoices of 200,000,
/// issued on the 1st and due on the 10th; the clock runs from 20 January to 15 March 2025 (Jakarta, 10:00):
/// <code>
/// A  Dec, Jan, Feb, Mar invoices; pays 200,000 cash on 20 Jan (December) and 150,000 on 15 Mar (to January)
/// D  Jan, Feb invoices; pays 100,000 cash on 20 Feb (to January)
/// B  Mar invoice; credit note 50,000 on 15 Mar
/// month      billed   collected  rate  | >30 days at month end (15 Mar for March)
/// Dec 2024   200,000        0     0.0  |       0  (A Dec 21 days)
/// Jan 2025   400,000  200,000    50.0  |       0  (A Dec paid; A, D Jan 21 days)
/// Feb 2025   400,000  100,000    25.0  | 300,000  (A Jan 200,000 and D Jan 100,000, 49 days)
/// Mar 2025   400,000  150,000    37.5  | 550,000  (A Jan 50,000, D Jan 100,000 at 64 days; A, D Feb at 33)
/// </code>
/// Tickets (resolution due a day after opening): Jan opened 2 (one met, one resolved late on 3 Feb), resolved 1, SLA 50%;
/// Feb opened 2 (one met, one cancelled), resolved 2, SLA 100%; Mar opened 3 (one met, one past its deadline, one still on time),
/// resolved 1, SLA 50%.
/// </summary>
public sealed class ManagerTrendsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 3, 15);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 20, 3, 0, 0, TimeSpan.Zero));
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        var (a, b, d) = (await _data.CustomerAsync("Andi"), await _data.CustomerAsync("Budi"), await _data.CustomerAsync("Dewi"));
        await _data.InvoiceAsync(a, new DateOnly(2024, 12, 1));
        await _data.InvoiceAsync(a, new DateOnly(2025, 1, 1));
        await _data.InvoiceAsync(d, new DateOnly(2025, 1, 1));
        await BackfillAsync();
        await _data.PayAsync(new PaymentInput(a.Code, PaymentMethod.Cash, 200_000m, "a-jan"));

        _clock.Advance(TimeSpan.FromDays(31)); // 20 February
        await _data.InvoiceAsync(a, new DateOnly(2025, 2, 1));
        await _data.InvoiceAsync(d, new DateOnly(2025, 2, 1));
        await BackfillAsync();
        await _data.PayAsync(new PaymentInput(d.Code, PaymentMethod.Cash, 100_000m, "d-feb"));

        _clock.Advance(TimeSpan.FromDays(23)); // 15 March
        await _data.InvoiceAsync(a, new DateOnly(2025, 3, 1));
        var bMarch = await _data.InvoiceAsync(b, new DateOnly(2025, 3, 1));
        await BackfillAsync();
        await _data.PayAsync(new PaymentInput(a.Code, PaymentMethod.Cash, 150_000m, "a-mar"));
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<InvoiceCorrections>().CreditAsync(bMarch.Number, 50_000m, "Gangguan"))).Succeeded);

        await SeedTicketsAsync();
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private Task<BackfillResult> BackfillAsync() => _data.InScopeAsync(sp => sp.GetRequiredService<LedgerBackfill>().ExecuteAsync());

    private async Task SeedTicketsAsync()
    {
        await using var db = database.CreateDbContext();
        var category = new TicketCategory { Code = "GANGGUAN", Name = "Gangguan", CreatedAt = _clock.GetUtcNow() };
        db.TicketCategories.Add(category);
        await db.SaveChangesAsync();
        var number = 0;
        // Opened at 10:00 Jakarta on the day; resolution due a day later; resolved (or cancelled) on the day given.
        void Add(DateOnly opened, DateOnly? resolved = null, bool cancel = false, int hour = 3)
        {
            var at = new DateTimeOffset(opened.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(hour);
            var ticket = new Ticket($"TKT-{++number:000}", null, "Internet mati", "", TicketChannel.Phone, TicketPriority.Medium, at, null);
            ticket.Categorise(category, TicketPriority.Medium, at.AddHours(4), at.AddDays(1), null, at);
            if (resolved is { } day)
                ticket.MoveTo(TicketStatus.Resolved, null, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(5), "Selesai.");
            if (cancel)
                ticket.MoveTo(TicketStatus.Cancelled, null, at.AddHours(1));
            db.Tickets.Add(ticket);
        }
        Add(new(2025, 1, 6), resolved: new(2025, 1, 6));
        Add(new(2025, 1, 20), resolved: new(2025, 2, 3));
        Add(new(2025, 2, 10), resolved: new(2025, 2, 10));
        Add(new(2025, 2, 12), cancel: true);
        Add(new(2025, 3, 3));
        Add(new(2025, 3, 15), hour: 2);
        Add(new(2025, 3, 10), resolved: new(2025, 3, 10));
        await db.SaveChangesAsync();
    }

    private Task<T> AsAsync<T>(string role, Func<IServiceProvider, Task<T>> run) => _data.InScopeAsync(async sp =>
    {
        sp.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), role, [role]);
        try
        {
            return await run(sp);
        }
        finally
        {
            sp.GetRequiredService<TestActor>().Current = Actor.System;
        }
    });

    private async Task<Dictionary<string, TrendSeries>> TrendsAsync(string role = Roles.Manager)
    {
        var outcome = await AsAsync(role, sp => sp.GetRequiredService<ManagerTrends>().LoadAsync());
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!.ToDictionary(s => s.Key);
    }

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    private static (DateOnly, decimal?)[] Tail(TrendSeries series, int months) => [.. series.Points.TakeLast(months).Select(p => (p.Month, p.Value))];

    [Fact]
    public async Task Twelve_months_of_known_figures_ending_this_month()
    {
        var trends = await TrendsAsync();

        Assert.Equal([TrendKeys.CollectionRate, TrendKeys.ArrearsOver30, TrendKeys.Mrr, TrendKeys.ActiveCustomers, TrendKeys.ChurnRate, TrendKeys.Uptime,
            TrendKeys.TicketsOpened, TrendKeys.TicketsResolved, TrendKeys.SlaMet], trends.Keys);
        Assert.All(trends.Values, s => Assert.Equal(Enumerable.Range(0, 12).Select(i => Month(2024, 4).AddMonths(i)), s.Points.Select(p => p.Month)));

        var rate = trends[TrendKeys.CollectionRate];
        Assert.Equal([(Month(2024, 11), null), (Month(2024, 12), 0.0m), (Month(2025, 1), 50.0m), (Month(2025, 2), 25.0m), (Month(2025, 3), 37.5m)], Tail(rate, 5));
        Assert.Equal((37.5m, 25.0m, 50.0m), (rate.ThisMonth, rate.LastMonth, rate.ChangePercent));

        var arrears = trends[TrendKeys.ArrearsOver30];
        Assert.Equal([(Month(2024, 11), 0m), (Month(2024, 12), 0m), (Month(2025, 1), 0m), (Month(2025, 2), 300_000m), (Month(2025, 3), 550_000m)], Tail(arrears, 5));
        Assert.Equal(83.3m, arrears.ChangePercent);

        Assert.Equal([(Month(2024, 12), 0m), (Month(2025, 1), 2m), (Month(2025, 2), 2m), (Month(2025, 3), 3m)], Tail(trends[TrendKeys.TicketsOpened], 4));
        Assert.Equal([(Month(2024, 12), 0m), (Month(2025, 1), 1m), (Month(2025, 2), 2m), (Month(2025, 3), 1m)], Tail(trends[TrendKeys.TicketsResolved], 4));
        Assert.Equal([(Month(2024, 12), null), (Month(2025, 1), 50.0m), (Month(2025, 2), 100.0m), (Month(2025, 3), 50.0m)], Tail(trends[TrendKeys.SlaMet], 4));
    }

    [Fact]
    public async Task Arrears_over_30_days_tie_to_the_aging_at_every_month_end()
    {
        var arrears = (await TrendsAsync())[TrendKeys.ArrearsOver30];
        var months = new TrendMonths(Today, TimeZoneInfo.Utc, _clock.GetUtcNow());

        foreach (var point in arrears.Points)
        {
            var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<ReceivablesAging>().AsOfAsync(months.EndOf(point.Month), AgingFilter.None));
            var aging = outcome.Value!;
            Assert.Equal(aging.Buckets.Skip(2).Sum(b => b.Amount), point.Value);
        }
        Assert.Contains(arrears.Points, p => p.Value > 0);
    }

    [Fact]
    public async Task Collection_rate_ties_to_collection_metrics_and_tickets_to_the_ticket_analytics_month_by_month()
    {
        var trends = await TrendsAsync();
        var months = new TrendMonths(Today, TimeZoneInfo.Utc, _clock.GetUtcNow());

        for (var i = 0; i < TrendMonths.Count; i++)
        {
            var month = months.Months[i];
            var collection = (await _data.InScopeAsync(sp => sp.GetRequiredService<CollectionMetrics>().ForAsync(month, months.EndOf(month), AgingFilter.None))).Value!;
            Assert.Equal(collection.Months.Single().Rate, trends[TrendKeys.CollectionRate].Points[i].Value);

            var tickets = (await _data.InScopeAsync(sp => sp.GetRequiredService<TicketAnalytics>().ExecuteAsync(new TicketAnalyticsFilter(month, months.EndOf(month))))).Value!;
            Assert.Equal(tickets.Opened, trends[TrendKeys.TicketsOpened].Points[i].Value);
            Assert.Equal(tickets.Daily.Sum(d => d.Resolved), trends[TrendKeys.TicketsResolved].Points[i].Value);
            Assert.Equal(tickets.ResolutionSla.Percent is { } p ? (decimal)p : null, trends[TrendKeys.SlaMet].Points[i].Value);
        }
    }

    [Fact]
    public async Task Mrr_active_customers_churn_and_uptime_are_the_reports_own_figures_month_by_month()
    {
        var trends = await TrendsAsync();
        var months = new TrendMonths(Today, TimeZoneInfo.Utc, _clock.GetUtcNow());
        var range = MonthRange.Of(months.First, months.Today);
        var mrr = (await _data.InScopeAsync(sp => sp.GetRequiredService<MrrMovement>().ForAsync(range, RevenueFilter.None))).Value!;
        var churn = (await _data.InScopeAsync(sp => sp.GetRequiredService<CustomerChurn>().ForAsync(range, RevenueFilter.None))).Value!;

        Assert.Equal(mrr.Months.Select(m => (decimal?)m.Mrr), trends[TrendKeys.Mrr].Points.Select(p => p.Value));
        Assert.Equal(mrr.Months.Select(m => (decimal?)m.ActiveCustomers), trends[TrendKeys.ActiveCustomers].Points.Select(p => p.Value));
        Assert.Equal(churn.Months.Select(m => m.ChurnRate * 100m), trends[TrendKeys.ChurnRate].Points.Select(p => p.Value));
        Assert.Contains(trends[TrendKeys.Mrr].Points, p => p.Value > 0);
        for (var i = 0; i < TrendMonths.Count; i++)
        {
            var month = months.Months[i];
            var uptime = (await _data.InScopeAsync(sp => sp.GetRequiredService<NetworkUptime>().ForAsync(month, months.EndOf(month), NetworkFilter.None, 0))).Value!;
            Assert.Equal(uptime.UptimePercent, trends[TrendKeys.Uptime].Points[i].Value);
        }
    }

    [Fact]
    public async Task Each_series_needs_the_permission_of_its_source()
    {
        Assert.Equal(Actor.NotPermitted, (await AsAsync(Roles.Staff, sp => sp.GetRequiredService<ManagerTrends>().LoadAsync())).FirstError);
        Assert.Equal(Actor.NotPermitted, (await AsAsync(Roles.Noc, sp => sp.GetRequiredService<ManagerTrends>().LoadAsync())).FirstError);
        // Finance reads money and the network reports but not tickets; Admin everything.
        Assert.Equal([TrendKeys.CollectionRate, TrendKeys.ArrearsOver30, TrendKeys.Mrr, TrendKeys.ActiveCustomers, TrendKeys.ChurnRate, TrendKeys.Uptime],
            (await TrendsAsync(Roles.Finance)).Keys);
        Assert.Equal(9, (await TrendsAsync(Roles.Admin)).Count);
    }

    [Fact]
    public async Task Finance_landing_shows_cash_and_bank_from_the_ledger_the_aging_and_budget_against_actual()
    {
        var saved = await _data.InScopeAsync(sp => sp.GetRequiredService<BudgetPlans>().SaveYearAsync("4-1100", 2025, [.. Enumerable.Repeat(500_000m, 12)]));
        Assert.True(saved.Succeeded, saved.FirstError);

        var outcome = await AsAsync(Roles.Finance, sp => sp.GetRequiredService<FinanceLanding>().LoadAsync());
        Assert.True(outcome.Succeeded, outcome.FirstError);
        var view = outcome.Value!;

        Assert.Equal(Today, view.Today);
        var cash = view.CashAndBank.Single(a => a.Code == "1-1100");
        Assert.Equal(450_000m, cash.Balance);
        Assert.Contains(view.CashAndBank, a => a.Code == "1-1201" && a.Balance == 0m);
        Assert.Equal(450_000m, view.CashTotal);
        // Owed today: A 450,000 (Jan 50,000, Feb, Mar), D 300,000, B 150,000.
        Assert.Equal(900_000m, view.Aging!.Total);
        Assert.Equal(550_000m, view.Aging.Buckets.Skip(2).Sum(b => b.Amount));
        // The summary's one aggregate gives what the full report sums from its rows.
        var full = (await AsAsync(Roles.Finance, sp => sp.GetRequiredService<ReceivablesAging>().AsOfAsync(Today, AgingFilter.None))).Value!;
        Assert.Equal(full.Buckets, view.Aging.Buckets);
        Assert.Equal((3, full.Rows.Count), (view.Aging.Customers, full.Rows.Count));
        // Subscription revenue: 400,000 a month against 500,000.
        Assert.Equal(new BudgetFigures(500_000m, 400_000m), view.Budget.RevenueMonth);
        Assert.Equal(new BudgetFigures(1_500_000m, 1_200_000m), view.Budget.RevenueYear);
        Assert.Equal(80.0m, view.Budget.RevenueYear.UsedPercent);
        Assert.Equal(new BudgetFigures(0m, 0m), view.Budget.ExpenseMonth);

        Assert.Equal(Actor.NotPermitted, (await AsAsync(Roles.Staff, sp => sp.GetRequiredService<FinanceLanding>().LoadAsync())).FirstError);
        Assert.True((await AsAsync(Roles.Manager, sp => sp.GetRequiredService<FinanceLanding>().LoadAsync())).Succeeded);
    }
}
