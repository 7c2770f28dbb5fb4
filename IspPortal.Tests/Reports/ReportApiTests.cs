using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Reports;

/// <summary><c>/api/reports/profit-loss</c>, <c>/balance-sheet</c> and <c>/cash-flow</c> over real HTTP: the JSON, hostile query strings and who may read them.</summary>
public sealed class ReportApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task BooksAsync() => StatementBooksFixture.PostAsync(portal.Services, portal.Database.CreateDbContext);

    private Task<HttpClient> ReaderAsync() => portal.CreateApiClientAsync(Permissions.ReportsRead, Permissions.FinanceRead);

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Profit_and_loss_answers_camel_case_sections_lines_with_codes_and_comparisons()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("api/reports/profit-loss?from=2025-03-01&to=2025-03-31");

        Assert.Equal(["from", "grossProfit", "hasBudget", "lastYearRange", "netProfit", "previousRange", "sections", "segment", "segmentName", "to"], Names(body));
        Assert.True(body.GetProperty("hasBudget").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("segmentName").ValueKind);
        Assert.Equal(("2025-03-01", "2025-03-31"), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString()));
        Assert.Equal("2025-02-01", body.GetProperty("previousRange").GetProperty("from").GetString());
        var net = body.GetProperty("netProfit");
        Assert.Equal((5_970_000m, -2_000_000m, 400_000m, 9_500_000m),
            (net.GetProperty("amount").GetDecimal(), net.GetProperty("previous").GetDecimal(), net.GetProperty("lastYear").GetDecimal(), net.GetProperty("budget").GetDecimal()));
        var revenue = body.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "operatingRevenue");
        var line = Assert.Single(revenue.GetProperty("lines").EnumerateArray());
        Assert.Equal(["code", "figures", "ledger", "name"], Names(line));
        Assert.Equal(("4-1100", "/finance/ledger/4-1100?from=2025-03-01&to=2025-03-31", 10_000_000m),
            (line.GetProperty("code").GetString(), line.GetProperty("ledger").GetString(), line.GetProperty("figures").GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Profit_and_loss_of_a_location_names_it_and_has_no_budget()
    {
        await BooksAsync();
        using var client = await ReaderAsync();
        await using var db = portal.Database.CreateDbContext();
        var location = new Core.Customers.LocationCode { Code = "SGM", Name = "Segmen uji", CreatedAt = DateTimeOffset.UnixEpoch };
        db.LocationCodes.Add(location);
        await db.SaveChangesAsync();

        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/profit-loss?from=2025-03-01&to=2025-03-31&location={location.Id}");

        // The hand-worked books tag no line: a location of them has nothing.
        Assert.Equal(("Lokasi SGM", false, location.Id, 0m), (body.GetProperty("segmentName").GetString(), body.GetProperty("hasBudget").GetBoolean(),
            body.GetProperty("segment").GetProperty("locationId").GetInt32(), body.GetProperty("netProfit").GetProperty("amount").GetDecimal()));
        Assert.All(body.GetProperty("sections").EnumerateArray(), s => Assert.Empty(s.GetProperty("lines").EnumerateArray()));
    }

    [Fact]
    public async Task Balance_sheet_takes_to_or_date_and_balances()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        var byTo = await client.GetFromJsonAsync<JsonElement>("api/reports/balance-sheet?to=2025-03-31");
        var byDate = await client.GetFromJsonAsync<JsonElement>("api/reports/balance-sheet?date=2025-03-31");

        Assert.Equal(byTo.ToString(), byDate.ToString());
        Assert.Equal(("2025-03-31", 105_970_000m, 2_100_000m, 103_870_000m, true),
            (byTo.GetProperty("date").GetString(), byTo.GetProperty("assets").GetDecimal(), byTo.GetProperty("liabilities").GetDecimal(),
                byTo.GetProperty("equity").GetDecimal(), byTo.GetProperty("balanced").GetBoolean()));
        var equity = byTo.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "equity");
        Assert.Contains(equity.GetProperty("lines").EnumerateArray(), l => l.GetProperty("name").GetString() == "Laba tahun berjalan" && l.GetProperty("amount").GetDecimal() == 3_970_000m);
    }

    [Fact]
    public async Task Cash_flow_answers_the_direct_sections_the_reconciliation_and_opening_plus_change_equals_closing()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("api/reports/cash-flow?from=2025-03-01&to=2025-03-31");

        Assert.Equal((62_400_000m, 7_470_000m, 69_870_000m),
            (body.GetProperty("opening").GetDecimal(), body.GetProperty("netChange").GetDecimal(), body.GetProperty("closing").GetDecimal()));
        Assert.Equal(["operating", "investing", "financing"], body.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(7_970_000m, body.GetProperty("reconciliation").GetProperty("operating").GetDecimal());
    }

    [Theory]
    [InlineData("api/reports/profit-loss?to=2025-03-31", "from")]
    [InlineData("api/reports/profit-loss?from=2025-03-01", "to")]
    [InlineData("api/reports/profit-loss?from=2025-02-30&to=2025-03-31", "from")]
    [InlineData("api/reports/profit-loss?from=kemarin&to=2025-03-31", "from")]
    [InlineData("api/reports/profit-loss?from=2025-03-31&to=2025-03-01", "to")]
    [InlineData("api/reports/profit-loss?from=2015-01-01&to=2025-03-31", "to")]
    [InlineData("api/reports/profit-loss?from=0001-01-01&to=0001-01-31", "from")]
    [InlineData("api/reports/profit-loss?from=2025-03-01&from=2025-04-01&to=2025-04-30", "from")]
    [InlineData("api/reports/profit-loss?from=2025-03-01%00&to=2025-03-31", "from")]
    [InlineData("api/reports/profit-loss?from[]=2025-03-01&to=2025-03-31", "from")]
    [InlineData("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&location=KRW", "location")]
    [InlineData("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&location=0", "location")]
    [InlineData("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&router=-1", "router")]
    [InlineData("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&router=1&router=2", "router")]
    [InlineData("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&router=99999999999999", "router")]
    [InlineData("api/reports/cash-flow?from=2025-03-01&to=9999-12-31", "to")]
    [InlineData("api/reports/cash-flow?from=%E2%80%AE2025-03-01&to=2025-03-31", "from")]
    [InlineData("api/reports/cash-flow", "from")]
    [InlineData("api/reports/balance-sheet?to=31-03-2025", "to")]
    [InlineData("api/reports/balance-sheet?to=2025-03-31&date=2025-04-30", "date")]
    [InlineData("api/reports/balance-sheet?date=1-1-1", "date")]
    public async Task Bad_dates_are_problems_naming_the_field(string url, string field)
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_huge_date_is_a_problem_not_a_crash()
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri($"api/reports/profit-loss?from={new string('9', 4000)}&to=2025-03-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(Permissions.ReportsRead)]
    [InlineData(Permissions.FinanceRead)]
    [InlineData(Permissions.BillingRead)]
    public async Task A_key_without_both_reports_read_and_finance_read_is_forbidden(string permission)
    {
        using var client = await portal.CreateApiClientAsync(permission);

        foreach (var url in new[] { "api/reports/profit-loss?from=2025-03-01&to=2025-03-31", "api/reports/balance-sheet?to=2025-03-31", "api/reports/cash-flow?from=2025-03-01&to=2025-03-31" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.Manager, "reports/profit-loss?from=2025-03-01&to=2025-03-31", "data-testid=\"profit-loss\"")]
    [InlineData(Roles.Finance, "reports/balance-sheet?to=2025-03-31", "data-testid=\"balance-sheet\"")]
    [InlineData(Roles.Admin, "reports/cash-flow?from=2025-03-01&to=2025-03-31", "data-testid=\"cash-reconciliation\"")]
    [InlineData(Roles.Technician, "reports/profit-loss", null)]
    [InlineData(Roles.Staff, "reports/cash-flow", null)]
    public async Task Report_readers_open_the_statement_pages_and_others_are_turned_away(string role, string page, string? shows)
    {
        await BooksAsync();
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        if (shows is not null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(shows, html, StringComparison.Ordinal);
            Assert.Contains("/finance/ledger/", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
