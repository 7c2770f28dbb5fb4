using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IspPortal.Tests.Finance;

/// <summary>Finance plans a year's budget for an account on /finance/budgets, in a real browser against the demo ISP.</summary>
public sealed class BudgetBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    private const string Marketing = "5-2000";

    [Fact]
    public Task Finance_budgets_an_account_for_every_month_then_changes_one_month() => browser.OnPageAsync(async finance =>
    {
        await finance.SignInAsync("finance");
        await finance.GotoAsync("/finance/budgets");
        await finance.WaitForCircuitAsync();

        // 1. A new account's budget: the same amount filled into all twelve months.
        await finance.GetByTestId("budget-add").ClickAsync();
        await finance.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(finance.GetByTestId("budget-dialog")).ToContainTextAsync("Pilih akunnya.");
        await finance.ChooseAsync("budget-account", Marketing);
        await finance.Input("budget-every").FillAsync("2500000");
        await finance.GetByTestId("budget-fill").ClickAsync();
        await Assertions.Expect(finance.GetByTestId("budget-year-total")).ToContainTextAsync("Rp 30.000.000");
        await finance.GetByTestId("budget-save").ClickAsync();
        var row = finance.Locator($"[data-testid=budget-line][data-account='{Marketing}']");
        await Assertions.Expect(row).ToContainTextAsync("Rp 30.000.000");

        // 2. One month changed from the row's edit button: the year's total follows.
        await row.GetByTestId("budget-edit").ClickAsync();
        await finance.Input("budget-month-12").FillAsync("5000000");
        await finance.Input("budget-month-12").PressAsync("Tab");
        await Assertions.Expect(finance.GetByTestId("budget-year-total")).ToContainTextAsync("Rp 32.500.000");
        await finance.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Rp 32.500.000");

        await using var db = portal.Database.CreateDbContext();
        var saved = await db.Budgets.Where(b => db.LedgerAccounts.Any(a => a.Id == b.AccountId && a.Code == Marketing))
            .OrderBy(b => b.Month).Select(b => b.Amount).ToListAsync();
        Assert.Equal([.. Enumerable.Repeat(2_500_000m, 11), 5_000_000m], saved);
    }, portal.BaseAddress);

    [Fact]
    public Task Staff_cannot_open_the_budgets() => browser.OnPageAsync(async staff =>
    {
        await staff.SignInAsync("staff");
        await staff.GotoAsync("/finance/budgets");
        await Assertions.Expect(staff.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("budgets")).ToHaveCountAsync(0);
    }, portal.BaseAddress);
}
