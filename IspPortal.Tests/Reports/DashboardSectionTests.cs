using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Tests.Finance;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Pages;

namespace IspPortal.Tests.Reports;

/// <summary>The dashboard over the real use cases: trends for reports.read, the finance section for finance.read, the live tiles for all.</summary>
public sealed class DashboardSectionTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    private async Task<IRenderedComponent<Dashboard>> AsAsync(string role)
    {
        await StartAsync();
        SignIn(Actor.For(Guid.NewGuid(), role, [role]), role);
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-customers-active], [data-testid=stat-invoices-unpaid], [data-testid=stat-tickets-open]")), Wait);
        return page;
    }

    [Fact]
    public async Task A_manager_sees_every_trend_card_and_the_finance_section()
    {
        var page = await AsAsync(Roles.Manager);

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=manager-trends] [data-testid=trend-link]").Count), Wait);
        Assert.All(new[] { TrendKeys.Mrr, TrendKeys.ActiveCustomers, TrendKeys.ChurnRate, TrendKeys.Uptime, TrendKeys.CollectionRate, TrendKeys.ArrearsOver30, TrendKeys.TicketsOpened, TrendKeys.SlaMet },
            key => Assert.Single(page.FindAll($"[data-testid=trend-{key}]")));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=finance-landing] [data-testid=cash-balances]")), Wait);
        Assert.NotEmpty(page.FindAll("[data-testid=finance-aging] [data-testid=aging-bucket]"));
        Assert.Equal(4, page.FindAll("[data-testid=budget-row]").Count);
        Assert.Equal(["/reports/customers", "/reports/customers", "/reports/customers", "/reports/receivables", "/reports/receivables", "/reports/uptime",
                "/tickets/analytics", "/tickets/analytics"],
            page.FindAll("[data-testid=trend-link]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Finance_sees_the_finance_section_and_the_money_trends_but_not_the_tickets()
    {
        var page = await AsAsync(Roles.Finance);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=finance-landing] [data-testid=cash-balances]")), Wait);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=trend-{TrendKeys.CollectionRate}]")), Wait);
        Assert.NotEmpty(page.FindAll($"[data-testid=trend-{TrendKeys.ArrearsOver30}]"));
        Assert.Empty(page.FindAll($"[data-testid=trend-{TrendKeys.TicketsOpened}]"));
        Assert.Empty(page.FindAll($"[data-testid=trend-{TrendKeys.SlaMet}]"));
    }

    [Fact]
    public async Task Staff_sees_the_live_tiles_only()
    {
        var page = await AsAsync(Roles.Staff);

        Assert.NotEmpty(page.FindAll("[data-testid=stat-customers-active]"));
        Assert.Empty(page.FindAll("[data-testid=manager-trends]"));
        Assert.Empty(page.FindAll("[data-testid=finance-landing]"));
    }
}
