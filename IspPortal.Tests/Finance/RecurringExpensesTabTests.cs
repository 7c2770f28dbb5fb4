using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Finance.Components;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Finance;

/// <summary>The Berulang tab over the real use cases: Finance adds a monthly bill and stops it; a missing description is refused in Indonesian.</summary>
public sealed class RecurringExpensesTabTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Finance_adds_a_monthly_bill_then_stops_it()
    {
        await StartAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var tab = Render<RecurringExpensesTab>();

        // Found and clicked on the renderer's thread: the tab re-renders when its list arrives, which renumbers the handlers.
        await tab.InvokeAsync(() => tab.Find("[data-testid=recurring-add]").Click());
        host.WaitForElement("[data-testid=recurring-save]:not([disabled])", Wait);
        host.Find("input[data-testid=recurring-amount]").Change("10000000");
        host.Find("input[data-testid=recurring-day]").Change("25");
        host.Find("[data-testid=recurring-save]").Click();
        host.WaitForAssertion(() => Assert.Contains("Keterangan wajib diisi.", host.Markup, StringComparison.Ordinal), Wait);
        await using (var db = Database.CreateDbContext())
            Assert.Equal(0, await db.RecurringExpenses.CountAsync());
        host.Find("input[data-testid=recurring-description-input]").Change("Upstream 1 Gbps");
        host.Find("[data-testid=recurring-save]").Click();

        tab.WaitForAssertion(() => Assert.Equal("Upstream 1 Gbps", tab.Find("[data-testid=recurring-description]").TextContent.Trim()), Wait);
        await using (var db = Database.CreateDbContext())
        {
            var saved = await db.RecurringExpenses.SingleAsync();
            Assert.Equal((25, 10_000_000m, true, Today, (DateOnly?)null), (saved.DayOfMonth, saved.Amount, saved.IsActive, saved.StartsOn, saved.EndsOn));
        }

        await tab.InvokeAsync(() => tab.Find("[data-testid=recurring-stop]").Click());

        tab.WaitForAssertion(() => Assert.Equal("Berhenti", tab.Find("[data-testid=recurring-status]").TextContent.Trim()), Wait);
        await using var check = Database.CreateDbContext();
        Assert.False((await check.RecurringExpenses.SingleAsync()).IsActive);
    }
}
