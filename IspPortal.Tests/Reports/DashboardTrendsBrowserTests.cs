using System.Text.RegularExpressions;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Tests.Support;
using Microsoft.Playwright;

namespace IspPortal.Tests.Reports;

/// <summary>A manager on the demo portal reads the twelve-month trends and follows a card to the report behind it.</summary>
public sealed partial class DashboardTrendsBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Manager_sees_the_trend_cards_with_charts_and_follows_one_to_its_report() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("manager");
        await page.WaitForCircuitAsync();

        var trends = page.GetByTestId("manager-trends");
        await Assertions.Expect(trends.GetByTestId("trend-link")).ToHaveCountAsync(8);
        foreach (var key in new[] { TrendKeys.Mrr, TrendKeys.ActiveCustomers, TrendKeys.Uptime, TrendKeys.CollectionRate, TrendKeys.ArrearsOver30, TrendKeys.TicketsOpened, TrendKeys.SlaMet })
        {
            var card = page.GetByTestId($"trend-{key}");
            await Assertions.Expect(card.GetByTestId("trend-this-month")).Not.ToBeEmptyAsync();
            // A drawn chart: MudBlazor's SVG with at least one series path or bar.
            await Assertions.Expect(card.Locator("svg path, svg rect").First).ToBeAttachedAsync();
        }
        await Assertions.Expect(page.GetByTestId($"trend-{TrendKeys.CollectionRate}").GetByTestId("trend-this-month")).ToHaveTextAsync(PercentText());
        await Assertions.Expect(page.GetByTestId("finance-landing").GetByTestId("cash-balances")).ToBeVisibleAsync();

        // The table view of a card shows its twelve months.
        var collection = page.GetByTestId($"trend-{TrendKeys.CollectionRate}");
        await collection.GetByTestId("trend-table-toggle").ClickAsync();
        await Assertions.Expect(collection.Locator("[data-testid=trend-table] tbody tr")).ToHaveCountAsync(TrendMonths.Count);

        await collection.GetByTestId("trend-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ReceivablesUrl());
        await Assertions.Expect(page.GetByTestId("aging-buckets")).ToBeVisibleAsync();
    }, portal.BaseAddress);

    [GeneratedRegex(@"^\d+(,\d)?%$")]
    private static partial Regex PercentText();

    [GeneratedRegex("/reports/receivables$")]
    private static partial Regex ReceivablesUrl();
}
