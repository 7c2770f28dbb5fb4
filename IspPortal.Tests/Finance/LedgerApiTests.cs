using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary><c>/api/finance/accounts</c>, <c>/trial-balance</c> and <c>/journal</c> over real HTTP, and who opens the ledger pages.</summary>
public sealed class LedgerApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task BooksAsync() => LedgerFixtures.PostBooksAsync(portal.Services, portal.Database.CreateDbContext);

    [Fact]
    public async Task Trial_balance_answers_exactly_date_debit_credit_and_accounts()
    {
        await BooksAsync();
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        var body = await client.GetFromJsonAsync<JsonElement>("api/finance/trial-balance?date=2025-02-28");

        Assert.Equal(["accounts", "credit", "date", "debit"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("2025-02-28", 10_000_000m, 10_000_000m), (body.GetProperty("date").GetString(), body.GetProperty("debit").GetDecimal(), body.GetProperty("credit").GetDecimal()));
        var cash = body.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "1-1100");
        Assert.Equal(["code", "credit", "debit", "name"], cash.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("Kas", 5_500_000m, 0m), (cash.GetProperty("name").GetString(), cash.GetProperty("debit").GetDecimal(), cash.GetProperty("credit").GetDecimal()));
    }

    [Fact]
    public async Task Without_a_date_the_trial_balance_is_at_today_in_the_isp_zone()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);
        await using var scope = portal.Services.CreateAsyncScope();
        var today = await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("api/finance/trial-balance");

        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("date").GetString());
        Assert.Equal(body.GetProperty("debit").GetDecimal(), body.GetProperty("credit").GetDecimal());
    }

    [Fact]
    public async Task A_journal_page_far_beyond_the_entries_answers_an_empty_page_not_an_error()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        using var response = await client.GetAsync(new Uri($"api/finance/journal?page={int.MaxValue}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, false), (body.GetProperty("items").GetArrayLength(), body.GetProperty("hasMore").GetBoolean()));
    }

    [Theory]
    [InlineData("api/finance/trial-balance?date=2025-13-01", "date")]
    [InlineData("api/finance/trial-balance?date=kemarin", "date")]
    [InlineData("api/finance/journal?from=2025-02-30", "from")]
    [InlineData("api/finance/journal?from=2025-03-01&to=2025-02-01", "to")]
    [InlineData("api/finance/journal?account=9-9999", "account")]
    [InlineData("api/finance/journal?source=Sulap", "source")]
    [InlineData("api/finance/journal?page=-1", "page")]
    public async Task Bad_input_is_a_problem_naming_the_field_in_indonesian(string url, string field)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("Permintaan tidak valid", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Accounts_list_the_chart_with_type_kind_and_whether_active()
    {
        await BooksAsync();
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        var accounts = await client.GetFromJsonAsync<JsonElement>("api/finance/accounts");

        var cash = accounts.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "1-1100");
        Assert.Equal(["active", "code", "kind", "name", "type"], cash.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("Kas", "Asset", "Cash", true), (cash.GetProperty("name").GetString(), cash.GetProperty("type").GetString(), cash.GetProperty("kind").GetString(), cash.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Journal_lists_entries_with_their_lines_by_account_and_dates()
    {
        await BooksAsync();
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        var page = await client.GetFromJsonAsync<JsonElement>("api/finance/journal?from=2025-02-01&to=2025-02-28&account=5-1300");

        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("2025-02-05", "Expense", "/finance/expenses/7"), (entry.GetProperty("date").GetString(), entry.GetProperty("source").GetString(), entry.GetProperty("link").GetString()));
        Assert.Equal([("5-1300", 1_500_000m), ("1-1100", -1_500_000m)],
            entry.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("account").GetString(), l.GetProperty("debit").GetDecimal() - l.GetProperty("credit").GetDecimal())));
        Assert.False(page.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task A_key_without_finance_read_is_forbidden()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);

        foreach (var url in new[] { "api/finance/accounts", "api/finance/trial-balance", "api/finance/journal" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.Manager, "finance/trial-balance", true)]
    [InlineData(Roles.Finance, "finance/accounts", true)]
    [InlineData(Roles.Manager, "finance/journal", true)]
    [InlineData(Roles.Finance, "finance/ledger/1-1100", true)]
    [InlineData(Roles.Technician, "finance/trial-balance", false)]
    [InlineData(Roles.Staff, "finance/journal", false)]
    public async Task Finance_readers_open_the_ledger_pages_and_others_are_turned_away(string role, string page, bool allowed)
    {
        await BooksAsync();
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("data-testid=\"access-denied\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
