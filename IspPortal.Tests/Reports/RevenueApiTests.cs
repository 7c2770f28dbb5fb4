using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary><c>/api/reports/mrr</c> and <c>/churn</c> over the demo: the JSON's names, the MRR identity every month, files read back, hostile input, permissions.</summary>
public sealed class RevenueApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private Task<HttpClient> ReaderAsync() => portal.CreateApiClientAsync(Permissions.ReportsRead, Permissions.BillingRead);

    private async Task<DateOnly> ThisMonthAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var today = await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
        return new DateOnly(today.Year, today.Month, 1);
    }

    [Fact]
    public async Task Mrr_names_its_fields_and_opening_plus_movement_is_closing_every_month_of_the_demo()
    {
        var thisMonth = await ThisMonthAsync();
        using var client = await ReaderAsync();

        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/mrr?from={Month(thisMonth.AddMonths(-23))}&to={thisMonth:yyyy-MM-dd}");

        Assert.Equal(["from", "to", "months"], body.EnumerateObject().Take(3).Select(p => p.Name));
        Assert.Equal((Month(thisMonth.AddMonths(-23)), Month(thisMonth)), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString()));
        var months = body.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(24, months.Count);
        Assert.All(months, m => Assert.Equal(["month", "mrr", "opening", "new", "expansion", "contraction", "churned", "reactivated", "activeCustomers", "arpu"],
            m.EnumerateObject().Select(p => p.Name)));
        decimal F(JsonElement m, string name) => m.GetProperty(name).GetDecimal();
        foreach (var m in months)
        {
            Assert.Equal(F(m, "mrr"), F(m, "opening") + F(m, "new") + F(m, "reactivated") + F(m, "expansion") - F(m, "contraction") - F(m, "churned"));
            var active = m.GetProperty("activeCustomers").GetInt32();
            Assert.Equal(active == 0 ? 0m : Math.Round(F(m, "mrr") / active, 0, MidpointRounding.AwayFromZero), F(m, "arpu"));
        }
        for (var i = 1; i < months.Count; i++)
            Assert.Equal(F(months[i - 1], "mrr"), F(months[i], "opening"));
        Assert.True(F(months[^2], "mrr") > 0, "The demo bills its customers.");
        var packages = body.GetProperty("packages").EnumerateArray().ToList();
        Assert.Equal(F(months[^1], "mrr"), packages.Sum(p => F(p, "mrr")));
        Assert.Equal(months[^1].GetProperty("activeCustomers").GetInt32(), packages.Sum(p => p.GetProperty("customers").GetInt32()));
        Assert.Equal(F(months[^1], "mrr"), body.GetProperty("locations").EnumerateArray().Sum(p => F(p, "mrr")));
    }

    [Fact]
    public async Task Churn_names_its_fields_and_its_counts_follow_the_mrr()
    {
        var thisMonth = await ThisMonthAsync();
        using var client = await ReaderAsync();

        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/churn?from={Month(thisMonth.AddMonths(-11))}");
        var mrr = await client.GetFromJsonAsync<JsonElement>("api/reports/mrr");

        var months = body.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(Month(thisMonth), months[^1].GetProperty("month").GetString());
        Assert.All(months, m => Assert.Equal(["month", "activeStart", "newCustomers"], m.EnumerateObject().Take(3).Select(p => p.Name)));
        Assert.All(months, m => Assert.True(m.TryGetProperty("churnedCustomers", out _) && m.TryGetProperty("churnRate", out _) && m.TryGetProperty("netGrowth", out _)));
        var actives = mrr.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("activeCustomers").GetInt32()).ToList();
        Assert.Equal(actives, months.Select(m => m.GetProperty("activeEnd").GetInt32()));
        foreach (var m in months)
        {
            int N(string name) => m.GetProperty(name).GetInt32();
            Assert.Equal(N("activeEnd"), N("activeStart") + N("netGrowth"));
            Assert.Equal(N("newCustomers") + N("reactivatedCustomers") - N("churnedCustomers"), N("netGrowth"));
        }
        var cohorts = body.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.All(cohorts, c => Assert.Equal(["cohort", "size", "retention"], c.EnumerateObject().Select(p => p.Name)));
        Assert.All(cohorts, c => Assert.Equal(12, c.GetProperty("retention").GetArrayLength()));
    }

    [Fact]
    public async Task Mrr_as_xlsx_and_churn_as_csv_hold_the_json_figures()
    {
        var thisMonth = await ThisMonthAsync();
        var from = Month(thisMonth.AddMonths(-2));
        using var client = await ReaderAsync();
        var json = await client.GetFromJsonAsync<JsonElement>($"api/reports/mrr?from={from}");
        var last = json.GetProperty("months").EnumerateArray().Last();

        using var xlsx = await client.GetAsync(new Uri($"api/reports/mrr?from={from}&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal($"mrr-{from}-{Month(thisMonth)}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var name = thisMonth.ToString("MMMM yyyy", Rupiah.Indonesia);
        var row = rows.First(r => r.Elements<Cell>().Any(c => c.InlineString?.InnerText == name));
        var figures = row.Elements<Cell>().Where(c => c.DataType?.Value == CellValues.Number).Select(c => decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([last.GetProperty("opening").GetDecimal(), last.GetProperty("new").GetDecimal(), last.GetProperty("reactivated").GetDecimal(),
            last.GetProperty("expansion").GetDecimal(), last.GetProperty("contraction").GetDecimal(), last.GetProperty("churned").GetDecimal(),
            last.GetProperty("mrr").GetDecimal(), last.GetProperty("activeCustomers").GetDecimal(), last.GetProperty("arpu").GetDecimal()], figures);

        var churn = await client.GetFromJsonAsync<JsonElement>($"api/reports/churn?from={from}");
        using var csv = await client.GetAsync(new Uri($"api/reports/churn?from={from}&format=csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var table = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["Bulan", "Aktif awal", "Baru", "Reaktivasi", "Berhenti", "Churn rate", "Pertumbuhan bersih", "Aktif akhir", "Terdaftar", "Diputus"], table[0]);
        var lastChurn = churn.GetProperty("months").EnumerateArray().Last();
        Assert.Contains(table, r => r[0] == name && r[1] == lastChurn.GetProperty("activeStart").GetInt32().ToString(CultureInfo.InvariantCulture)
            && r[7] == lastChurn.GetProperty("activeEnd").GetInt32().ToString(CultureInfo.InvariantCulture));

        using var cohorts = await client.GetAsync(new Uri($"api/reports/churn?from={from}&format=xlsx&table=cohorts", UriKind.Relative));
        Assert.Equal($"kohort-{from}-{Month(thisMonth)}.xlsx", cohorts.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("api/reports/mrr?from=2025-13", "from")]
    [InlineData("api/reports/mrr?from=kemarin", "from")]
    [InlineData("api/reports/mrr?to=2025-02-30", "to")]
    [InlineData("api/reports/mrr?from=2025-06&to=2025-01", "to")]
    [InlineData("api/reports/mrr?from=2022-01&to=2025-01", "to")]
    [InlineData("api/reports/mrr?from=1999-12&to=2000-01", "from")]
    [InlineData("api/reports/mrr?from=2025-01&from=2025-02", "from")]
    [InlineData("api/reports/mrr?location=999999", "location")]
    [InlineData("api/reports/mrr?location=abc", "location")]
    [InlineData("api/reports/mrr?router=-1", "router")]
    [InlineData("api/reports/mrr?package=99999999999999999999", "package")]
    [InlineData("api/reports/mrr?format=docx", "format")]
    [InlineData("api/reports/churn?from=2025-01%00", "from")]
    [InlineData("api/reports/churn?to=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "to")]
    [InlineData("api/reports/churn?format=csv&table=semua", "table")]
    [InlineData("api/reports/churn?package=0", "package")]
    public async Task Bad_months_and_filters_are_problems_naming_the_field(string url, string field)
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_huge_month_is_a_problem_not_a_crash()
    {
        using var client = await ReaderAsync();
        using var response = await client.GetAsync(new Uri("api/reports/mrr?from=" + new string('9', 5000), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(Permissions.ReportsRead)]
    [InlineData(Permissions.BillingRead)]
    public async Task A_key_without_both_reports_read_and_billing_read_is_forbidden(string permission)
    {
        using var client = await portal.CreateApiClientAsync(permission);

        foreach (var url in new[] { "api/reports/mrr", "api/reports/churn?format=csv" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.Manager, "reports/mrr/export?format=xlsx", HttpStatusCode.OK)]
    [InlineData(Roles.Finance, "reports/churn/export?format=pdf&table=cohorts", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "reports/churn/export?format=csv", HttpStatusCode.OK)]
    [InlineData(Roles.Manager, "reports/mrr/export?format=csv&from=2020-01", HttpStatusCode.BadRequest)]
    [InlineData(Roles.Staff, "reports/mrr/export?format=csv", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Noc, "reports/churn/export?format=csv", HttpStatusCode.Forbidden)]
    public async Task The_download_route_serves_revenue_reports_to_their_readers(string role, string url, HttpStatusCode expected)
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        if (expected == HttpStatusCode.Forbidden)
            Assert.Null(response.Content.Headers.ContentDisposition);
    }
}
