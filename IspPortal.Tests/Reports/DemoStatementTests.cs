using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>The statements over the demo's year of books (billing, expenses, assets, capital, closed months, a year-end close): they tie out.</summary>
public sealed class DemoStatementTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Number(JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    [Fact]
    public async Task Balance_sheet_cash_flow_and_profit_and_loss_tie_to_the_trial_balance_and_each_other()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var today = await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
        await using var db = portal.Database.CreateDbContext();
        var first = await db.JournalLines.MinAsync(l => l.EntryDate);
        using var client = await portal.CreateApiClientAsync(Permissions.ReportsRead, Permissions.FinanceRead);

        var sheet = await client.GetFromJsonAsync<JsonElement>($"api/reports/balance-sheet?to={Day(today)}");
        var flow = await client.GetFromJsonAsync<JsonElement>($"api/reports/cash-flow?from={Day(first)}&to={Day(today)}");
        var pnl = await client.GetFromJsonAsync<JsonElement>($"api/reports/profit-loss?from={Day(first)}&to={Day(today)}");
        var trial = await client.GetFromJsonAsync<JsonElement>($"api/finance/trial-balance?date={Day(today)}");

        Assert.True(sheet.GetProperty("balanced").GetBoolean(), sheet.ToString());
        Assert.True(Number(sheet, "assets") > 0);
        var trialAccounts = trial.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!, a => Number(a, "debit") - Number(a, "credit"));
        var assets = trialAccounts.Where(a => a.Key.StartsWith('1')).Sum(a => a.Value);
        Assert.Equal(assets, Number(sheet, "assets"));

        var cashCodes = await db.LedgerAccounts.Where(a => a.Kind != AccountKind.General).Select(a => a.Code).ToListAsync();
        Assert.Equal((0m, trialAccounts.Where(a => cashCodes.Contains(a.Key)).Sum(a => a.Value)), (Number(flow, "opening"), Number(flow, "closing")));
        Assert.Equal(Number(flow, "closing"), Number(flow, "opening") + Number(flow, "netChange"));
        var operating = flow.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "operating");
        Assert.Equal(Number(operating, "total"), Number(flow.GetProperty("reconciliation"), "operating"));
        Assert.True(Number(flow.GetProperty("reconciliation"), "depreciation") > 0, "The demo depreciates its assets.");

        // What the books earned, every entry but the year-end closes, read line by line here.
        var earned = -await db.JournalLines
            .Where(l => (l.Account!.Type == AccountType.Revenue || l.Account.Type == AccountType.Expense)
                && l.Entry!.SourceType != JournalSource.YearClose && l.Entry.SourceType != JournalSource.YearReopen)
            .SumAsync(l => l.Debit - l.Credit);
        Assert.Equal(earned, Number(pnl.GetProperty("netProfit"), "amount"));
        Assert.Equal(earned, Number(flow.GetProperty("reconciliation"), "netProfit"));
    }

    [Fact]
    public async Task A_closed_year_shows_the_profit_its_close_moved_into_retained_earnings()
    {
        await using var db = portal.Database.CreateDbContext();
        var closes = await db.JournalLines
            .Where(l => l.Entry!.SourceType == JournalSource.YearClose && l.Account!.Role == AccountRoles.RetainedEarnings)
            .Select(l => new { l.EntryDate, Net = l.Debit - l.Credit })
            .ToListAsync();
        using var client = await portal.CreateApiClientAsync(Permissions.ReportsRead, Permissions.FinanceRead);

        foreach (var close in closes)
        {
            var year = close.EntryDate.Year;
            var pnl = await client.GetFromJsonAsync<JsonElement>($"api/reports/profit-loss?from={year}-01-01&to={year}-12-31");
            Assert.NotEqual(0m, Number(pnl.GetProperty("netProfit"), "amount"));
            Assert.Equal(-close.Net, Number(pnl.GetProperty("netProfit"), "amount"));
        }
    }
}
