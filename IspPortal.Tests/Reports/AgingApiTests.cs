using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary><c>/api/reports/aging</c> and <c>/collection</c> over the demo: the JSON's names, the tie-out to Piutang usaha, hostile input, permissions.</summary>
public sealed class AgingApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpClient> ReaderAsync() => portal.CreateApiClientAsync(Permissions.ReportsRead, Permissions.BillingRead);

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
    }

    private async Task<decimal> LedgerReceivableAsync(DateOnly asOf)
    {
        await using var db = portal.Database.CreateDbContext();
        var account = await db.LedgerAccounts.SingleAsync(a => a.Role == AccountRoles.Receivable);
        return (await LedgerSums.Between(db, null, asOf, account.Id).ToListAsync()).Sum(s => s.Net);
    }

    [Fact]
    public async Task The_demo_aging_ties_to_piutang_usaha_today_and_at_the_end_of_earlier_months()
    {
        var today = await TodayAsync();
        using var client = await ReaderAsync();
        var endOfLastMonth = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var endOfEarlier = new DateOnly(today.Year, today.Month, 1).AddMonths(-3).AddDays(-1);

        foreach (var (query, day) in new[] { ("", today), ($"?asOf={Day(endOfLastMonth)}", endOfLastMonth), ($"?to={Day(endOfEarlier)}", endOfEarlier) })
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/aging{query}");
            Assert.Equal(["asOf", "total", "buckets"], body.EnumerateObject().Take(3).Select(p => p.Name));
            Assert.Equal(Day(day), body.GetProperty("asOf").GetString());
            var total = body.GetProperty("total").GetDecimal();
            Assert.Equal(await LedgerReceivableAsync(day), total);
            var buckets = body.GetProperty("buckets").EnumerateArray().ToList();
            Assert.Equal(["Belum jatuh tempo", "1–30", "31–60", "61–90", ">90"], buckets.Select(b => b.GetProperty("name").GetString()));
            Assert.All(buckets, b => Assert.Equal(["name", "amount", "customers"], b.EnumerateObject().Select(p => p.Name)));
            Assert.Equal(total, buckets.Sum(b => b.GetProperty("amount").GetDecimal()));
            if (day == today)
                Assert.True(total > 0, "The demo has customers in arrears.");
        }
    }

    [Fact]
    public async Task The_aging_file_holds_every_owing_customer_in_the_pages_order_and_a_total_row_that_ties_to_the_ledger()
    {
        var today = await TodayAsync();
        using var client = await ReaderAsync();
        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/aging?asOf={Day(today)}&rows={ReceivablesEndpointsMaxRows}");
        var expected = body.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("code").GetString(), r.GetProperty("total").GetDecimal())).ToList();
        Assert.Equal(body.GetProperty("rowCount").GetInt32(), expected.Count);

        using var csv = await client.GetAsync(new Uri($"api/reports/aging?asOf={Day(today)}&format=csv", UriKind.Relative));
        Assert.Equal(("text/csv", $"piutang-{Day(today)}.csv"), (csv.Content.Headers.ContentType?.MediaType, csv.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var rows = Csv.Parse(System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["Kode", "Pelanggan", "Lokasi", "Belum jatuh tempo", "1–30", "31–60", "61–90", ">90", "Total"], rows[0]);
        Assert.Equal(expected, rows[1..^1].Select(r => ((string?)r[0], decimal.Parse(r[8], CultureInfo.InvariantCulture))));
        var total = rows[^1];
        Assert.Equal("Total", total[1]);
        Assert.Equal(await LedgerReceivableAsync(today), decimal.Parse(total[8], CultureInfo.InvariantCulture));
        Assert.Equal(body.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("amount").GetDecimal()),
            total[3..8].Select(c => decimal.Parse(c, CultureInfo.InvariantCulture)));

        using var xlsx = await client.GetAsync(new Uri($"api/reports/aging?asOf={Day(today)}&format=xlsx", UriKind.Relative));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheetRows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(4 + expected.Count + 1, sheetRows.Count);
        Assert.Equal(expected[0].Item1, sheetRows[4].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InlineString?.InnerText);
    }

    private const int ReceivablesEndpointsMaxRows = IspPortal.Web.Features.Reports.Endpoints.ReceivablesEndpoints.MaxRows;

    [Fact]
    public async Task Collection_answers_months_dso_and_days_to_pay()
    {
        var today = await TodayAsync();
        using var client = await ReaderAsync();
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-3);

        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/collection?from={Day(from)}&to={Day(today)}");

        Assert.Equal(4, body.GetProperty("months").GetArrayLength());
        Assert.True(body.GetProperty("collected").GetDecimal() > 0);
        Assert.Equal(await LedgerReceivableAsync(today), body.GetProperty("receivable").GetDecimal());
        Assert.NotEqual(0, body.GetProperty("daysToPay").GetArrayLength());
    }

    [Theory]
    [InlineData("api/reports/aging?asOf=2025-02-30", "asOf")]
    [InlineData("api/reports/aging?asOf=kemarin", "asOf")]
    [InlineData("api/reports/aging?to=0001-01-01", "to")]
    [InlineData("api/reports/aging?asOf=2025-03-01&to=2025-03-02", "asOf")]
    [InlineData("api/reports/aging?asOf=2025-03-01&asOf=2025-03-02", "asOf")]
    [InlineData("api/reports/aging?locationId=abc", "locationId")]
    [InlineData("api/reports/aging?routerId=-1", "routerId")]
    [InlineData("api/reports/aging?packageId=99999999999999999999", "packageId")]
    [InlineData("api/reports/aging?status=Dihapus", "status")]
    [InlineData("api/reports/aging?status=1", "status")]
    [InlineData("api/reports/aging?status=Active%00", "status")]
    [InlineData("api/reports/aging?rows=100000", "rows")]
    [InlineData("api/reports/collection?from=2025-03-01", "to")]
    [InlineData("api/reports/collection?from=2025-03-31&to=2025-03-01", "to")]
    public async Task Bad_dates_and_filters_are_problems_naming_the_field(string url, string field)
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_filter_narrows_the_total()
    {
        using var client = await ReaderAsync();
        var all = await client.GetFromJsonAsync<JsonElement>("api/reports/aging");
        var location = all.GetProperty("byLocation").EnumerateArray().First();

        var one = await client.GetFromJsonAsync<JsonElement>($"api/reports/aging?locationId={location.GetProperty("id").GetInt32()}&rows=5");

        Assert.Equal(location.GetProperty("total").GetDecimal(), one.GetProperty("total").GetDecimal());
        Assert.True(one.GetProperty("rows").GetArrayLength() <= 5);
    }

    [Theory]
    [InlineData(Permissions.ReportsRead)]
    [InlineData(Permissions.BillingRead)]
    public async Task A_key_without_both_reports_read_and_billing_read_is_forbidden(string permission)
    {
        using var client = await portal.CreateApiClientAsync(permission);

        foreach (var url in new[] { "api/reports/aging", "api/reports/collection?from=2025-03-01&to=2025-03-31" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Finance, true)]
    [InlineData(Roles.Staff, false)]
    [InlineData(Roles.Technician, false)]
    public async Task Report_readers_open_the_piutang_page_and_others_are_turned_away(string role, bool opens)
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri("reports/receivables", UriKind.Relative));

        if (opens)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("data-testid=\"aging-buckets\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
