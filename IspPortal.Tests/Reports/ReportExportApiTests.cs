using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>The statements as files over real HTTP (<c>format=</c> on the API, <c>/reports/{report}/export</c> for the pages), read back against the hand-worked books.</summary>
public sealed class ReportExportApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task BooksAsync() => StatementBooksFixture.PostAsync(portal.Services, portal.Database.CreateDbContext);

    private Task<HttpClient> ReaderAsync() => portal.CreateApiClientAsync(Permissions.ReportsRead, Permissions.FinanceRead);

    private async Task<string> CompanyNameAsync()
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalSettings>().GetAsync<CompanyProfile>()).Name;
    }

    [Fact]
    public async Task Profit_and_loss_as_xlsx_is_an_attachment_whose_cells_are_the_statement_figures()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&format=xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "laba-rugi-2025-03-01-2025-03-31.xlsx"),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        string? Text(Cell cell) => cell.InlineString?.InnerText;
        Row Named(string name) => rows.Single(r => r.Elements<Cell>().Any(c => Text(c) == name));
        decimal[] Figures(Row row) => [.. row.Elements<Cell>().Where(c => c.DataType?.Value == CellValues.Number)
            .Select(c => decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture))];

        Assert.Equal([5_970_000m, -2_000_000m, 400_000m, 9_500_000m], Figures(Named("Laba bersih")));
        var revenue = rows.Single(r => r.Elements<Cell>().Any(c => Text(c) == "4-1100"));
        Assert.Equal(10_000_000m, Figures(revenue)[0]);
        Assert.Equal(await CompanyNameAsync(), Text(rows[1].Elements<Cell>().First()));
    }

    [Fact]
    public async Task Balance_sheet_as_csv_has_a_bom_and_the_equity_lines_as_plain_numbers()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri("api/reports/balance-sheet?to=2025-03-31&format=CSV", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("neraca-2025-03-31.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["Kode", "Akun", "Saldo"], rows[0]);
        Assert.Contains(rows, r => r.SequenceEqual(["", "Laba tahun berjalan", "3970000"]));
        Assert.Contains(rows, r => r.SequenceEqual(["", "Total aset", "105970000"]));
        Assert.Contains(rows, r => r.SequenceEqual(["", "Total liabilitas dan ekuitas", "105970000"]));
    }

    [Fact]
    public async Task Cash_flow_as_pdf_shows_the_title_the_company_and_the_closing_cash()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri("api/reports/cash-flow?from=2025-03-01&to=2025-03-31&format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("arus-kas-2025-03-01-2025-03-31.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("ARUS KAS", text, StringComparison.Ordinal);
        Assert.Contains(await CompanyNameAsync(), text, StringComparison.Ordinal);
        Assert.Contains("Kas dan setara kas akhir periode", text, StringComparison.Ordinal);
        Assert.Contains(Rupiah.Format(69_870_000m), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format=../../x")]
    [InlineData("format=docx")]
    [InlineData("format=pdf&format=csv")]
    [InlineData("format=%00pdf")]
    public async Task An_unknown_format_is_a_problem_naming_format(string query)
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri($"api/reports/profit-loss?from=2025-03-01&to=2025-03-31&{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _), problem.ToString());
    }

    [Fact]
    public async Task A_huge_format_is_a_problem_not_a_crash()
    {
        using var client = await ReaderAsync();

        using var response = await client.GetAsync(new Uri($"api/reports/balance-sheet?to=2025-03-31&format={new string('x', 4000)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Format_json_or_none_still_answers_json()
    {
        await BooksAsync();
        using var client = await ReaderAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("api/reports/balance-sheet?to=2025-03-31&format=json");

        Assert.True(body.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task A_key_with_reports_read_alone_gets_no_file()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.ReportsRead);

        using var response = await client.GetAsync(new Uri("api/reports/profit-loss?from=2025-03-01&to=2025-03-31&format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Finance, "reports/profit-loss/export?format=xlsx&from=2025-03-01&to=2025-03-31", HttpStatusCode.OK)]
    [InlineData(Roles.Manager, "reports/balance-sheet/export?format=pdf&to=2025-03-31", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "reports/cash-flow/export?format=csv&from=2025-03-01&to=2025-03-31", HttpStatusCode.OK)]
    [InlineData(Roles.Finance, "reports/cash-flow/export?from=2025-03-01&to=2025-03-31", HttpStatusCode.BadRequest)]
    [InlineData(Roles.Finance, "reports/cash-flow/export?format=../../etc/passwd&from=2025-03-01&to=2025-03-31", HttpStatusCode.BadRequest)]
    [InlineData(Roles.Finance, "reports/aging-x/export?format=csv", HttpStatusCode.NotFound)]
    [InlineData(Roles.Manager, "reports/aging/export?format=xlsx&asOf=2025-03-31&status=Active", HttpStatusCode.OK)]
    [InlineData(Roles.Technician, "reports/aging/export?format=csv&asOf=2025-03-31", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Technician, "reports/profit-loss/export?format=csv&from=2025-03-01&to=2025-03-31", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "reports/balance-sheet/export?format=pdf&to=2025-03-31", HttpStatusCode.Forbidden)]
    public async Task The_pages_download_route_serves_report_readers_and_turns_others_away(string role, string url, HttpStatusCode expected)
    {
        await BooksAsync();
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(role));

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
        if (expected == HttpStatusCode.Redirect)
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statement_pages_offer_the_download_menu_whose_links_carry_the_days()
    {
        await BooksAsync();
        using var client = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Finance));

        var html = await client.GetStringAsync(new Uri("reports/balance-sheet?to=2025-03-31", UriKind.Relative));

        Assert.Contains("data-testid=\"export-menu\"", html, StringComparison.Ordinal);
        Assert.Equal("reports/profit-loss/export?format=xlsx&from=2025-03-01&to=2025-03-31",
            IspPortal.Web.Features.Reports.Endpoints.ReportDownloads.UrlFor("profit-loss", IspPortal.Core.Reports.Exports.ExportFormat.Xlsx, "?from=2025-03-01&to=2025-03-31"));
    }
}
