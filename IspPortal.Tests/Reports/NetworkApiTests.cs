using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Reports;

/// <summary><c>/api/reports/uptime</c> and <c>/bandwidth</c> over <see cref="NetworkReportData"/>: the JSON's names, files read back, bad input, permissions.</summary>
public sealed class NetworkApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Days = "from=2025-03-01&to=2025-03-10";

    public async Task InitializeAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        if (await db.Routers.AnyAsync(r => r.Code == "AAA"))
            return;
        var data = await NetworkReportData.SeedAsync(portal.Database);
        await NetworkReportData.BucketAsync(db, "router_health_hourly", data.Aaa, NetworkReportData.S.AddHours(1), 10, 2e6, 3e6, 4e6);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ReaderAsync(params string[] permissions) =>
        portal.CreateApiClientAsync(permissions.Length == 0 ? [Permissions.ReportsRead] : permissions);

    [Fact]
    public async Task Uptime_answers_the_agreed_names_and_the_hand_worked_figures()
    {
        using var client = await ReaderAsync();

        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/uptime?{Days}");

        Assert.Equal(["from", "to", "uptimePercent", "routers", "customers", "outages"], body.EnumerateObject().Take(6).Select(p => p.Name));
        Assert.Equal(("2025-03-01", "2025-03-10", 85.911m), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString(), body.GetProperty("uptimePercent").GetDecimal()));
        var aaa = body.GetProperty("routers")[0];
        Assert.Equal(["routerId", "code", "name", "uptimePercent", "outageMinutes", "outages"], aaa.EnumerateObject().Take(6).Select(p => p.Name));
        Assert.Equal(("AAA", 98.819m, 170m, 3), (aaa.GetProperty("code").GetString(), aaa.GetProperty("uptimePercent").GetDecimal(),
            aaa.GetProperty("outageMinutes").GetDecimal(), aaa.GetProperty("outages").GetInt32()));
        Assert.Equal(4, body.GetProperty("customers").GetArrayLength());
        Assert.Equal(600m, body.GetProperty("outages")[0].GetProperty("customerMinutes").GetDecimal());
    }

    [Fact]
    public async Task Bandwidth_answers_the_agreed_names_and_network_read_alone_may_read_it()
    {
        using var client = await ReaderAsync(Permissions.NetworkRead);

        var body = await client.GetFromJsonAsync<JsonElement>($"api/reports/bandwidth?{Days}&router=");

        Assert.Equal(["from", "to", "routers", "series"], body.EnumerateObject().Take(4).Select(p => p.Name));
        var aaa = body.GetProperty("routers")[0];
        string[] names = ["routerId", "code", "capacityMbps", "rxAvgBps", "rxP95Bps", "rxPeakBps", "txAvgBps", "txP95Bps", "txPeakBps", "utilizationP95"];
        Assert.All(names, n => Assert.True(aaa.TryGetProperty(n, out _), n));
        Assert.Equal(("AAA", 50, 2e6, 6.0m), (aaa.GetProperty("code").GetString(), aaa.GetProperty("capacityMbps").GetInt32(),
            aaa.GetProperty("rxAvgBps").GetDouble(), aaa.GetProperty("utilizationP95").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("routers")[1].GetProperty("capacityMbps").ValueKind);
        Assert.NotEqual(0, body.GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task Uptime_as_csv_and_bandwidth_as_xlsx_read_back()
    {
        using var client = await ReaderAsync();

        using var csv = await client.GetAsync(new Uri($"api/reports/uptime?{Days}&format=csv", UriKind.Relative));
        using var xlsx = await client.GetAsync(new Uri($"api/reports/bandwidth?{Days}&format=xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("uptime-2025-03-01-2025-03-10.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), line => line.StartsWith("AAA,", StringComparison.Ordinal) && line.Contains("0.98819", StringComparison.Ordinal) && line.Contains(",170", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var aaa = rows.Single(r => r.Elements<Cell>().Any(c => c.InlineString?.InnerText == "AAA"));
        var numbers = aaa.Elements<Cell>().Where(c => c.DataType?.Value == CellValues.Number).Select(c => c.CellValue!.Text).ToList();
        Assert.Equal(["50", "2"], numbers.Take(2));
        Assert.Contains(rows, r => r.Elements<Cell>().Any(c => c.InlineString?.InnerText?.Contains("kapasitas belum diisi", StringComparison.Ordinal) == true));
    }

    [Theory]
    [InlineData("api/reports/uptime?from=2025-02-30", "from")]
    [InlineData("api/reports/uptime?from=2025-03-10&to=2025-03-01", "to")]
    [InlineData("api/reports/uptime?from=2024-01-01&to=2025-03-01", "to")]
    [InlineData("api/reports/uptime?router=abc", "router")]
    [InlineData("api/reports/uptime?location=-1", "location")]
    [InlineData("api/reports/uptime?rows=5000", "rows")]
    [InlineData("api/reports/uptime?router=1&router=2", "router")]
    [InlineData("api/reports/bandwidth?to=kemarin", "to")]
    [InlineData("api/reports/bandwidth?router=99999999999999999999", "router")]
    [InlineData("api/reports/bandwidth?format=docx", "format")]
    public async Task Bad_input_is_a_problem_naming_the_field(string url, string field)
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_key_without_reports_or_network_read_is_forbidden()
    {
        using var client = await ReaderAsync(Permissions.BillingRead);

        using var uptime = await client.GetAsync(new Uri($"api/reports/uptime?{Days}", UriKind.Relative));
        using var bandwidth = await client.GetAsync(new Uri($"api/reports/bandwidth?{Days}&format=csv", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (uptime.StatusCode, bandwidth.StatusCode));
    }

    [Theory]
    [InlineData(Roles.Staff, "profit-loss", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "balance-sheet", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "cash-flow", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "uptime", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "bandwidth", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Technician, "uptime", HttpStatusCode.OK)]
    [InlineData(Roles.Noc, "bandwidth", HttpStatusCode.OK)]
    [InlineData(Roles.Finance, "uptime", HttpStatusCode.OK)]
    [InlineData(Roles.Noc, "profit-loss", HttpStatusCode.Forbidden)]
    public async Task The_download_route_lets_each_report_refuse_who_may_not_read_it(string role, string report, HttpStatusCode expected)
    {
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri($"reports/{report}/export?format=pdf&{Days}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }
}
