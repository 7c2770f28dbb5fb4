using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Reports.Exports;
using IspPortal.Infrastructure.Reports;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Reports;

/// <summary>The three report writers over one hand-made table, each file read back: CSV parsed, xlsx opened with the Open XML SDK, PDF through pdftotext.</summary>
public sealed class ReportWriterTests
{
    private static readonly ReportCompany Company = new("PT Jaringan Uji", "Jl. Merdeka 1, Bandung", "022-123", "uji@example.id", "01.234.567.8-901.000", null);

    private static ReportTable Table(int extraRows = 0) => new("Laporan Uji", "Periode 01/03/2026 – 31/03/2026", "uji-2026-03",
        [new("Kode", ColumnKind.Text, 10), new("Nama", ColumnKind.Text, 30), new("Jumlah", ColumnKind.Money, 18), new("Tanggal", ColumnKind.Date, 12), new("Porsi", ColumnKind.Percent, 10)],
        Rows(extraRows));

    private static IEnumerable<ReportRow> Rows(int extraRows)
    {
        yield return ReportRow.Heading(5, 1, "Bagian satu");
        yield return new ReportRow(["A-1", "=HYPERLINK(\"http://x\")", -5000m, new DateOnly(2026, 3, 31), 0.125m], Indent: 1);
        yield return new ReportRow(["A-2", "Sewa, \"tiang\"\nbaris dua", 1_500_000m, null, null], Indent: 1);
        yield return new ReportRow(["@cmd", "-2+3", 0m, null, null], Indent: 1);
        for (var i = 0; i < extraRows; i++)
            yield return new ReportRow([$"X-{i}", $"Baris {i}", i * 1000m, null, null], Indent: 1);
        yield return new ReportRow([null, "Total bagian satu", 1_495_000m, null, null], Bold: true);
    }

    private static async Task<byte[]> WriteAsync(IReportWriter writer, ReportTable table)
    {
        using var output = new MemoryStream();
        await writer.WriteAsync(table, Company, output, CancellationToken.None);
        return output.ToArray();
    }

    [Fact]
    public async Task Csv_has_a_bom_neutralises_formula_text_and_keeps_negative_money_a_number()
    {
        var bytes = await WriteAsync(new CsvReportWriter(), Table());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["Kode", "Nama", "Jumlah", "Tanggal", "Porsi"], rows[0]);
        Assert.Equal(["", "Bagian satu", "", "", ""], rows[1]);
        Assert.Equal(["A-1", "'=HYPERLINK(\"http://x\")", "-5000", "2026-03-31", "0.125"], rows[2]);
        Assert.Equal(["A-2", "Sewa, \"tiang\"\nbaris dua", "1500000", "", ""], rows[3]);
        Assert.Equal(["'@cmd", "'-2+3", "0", "", ""], rows[4]);
        Assert.Equal(["", "Total bagian satu", "1495000", "", ""], rows[5]);
        Assert.Equal(6, rows.Count);
        Assert.Contains("A-1,\"'=HYPERLINK(\"\"http://x\"\")\",-5000,", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_has_number_and_date_cells_a_frozen_header_widths_and_bold_totals()
    {
        var bytes = await WriteAsync(new XlsxReportWriter(), Table());

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((4d, "A5", "frozen"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!, pane.State!.InnerText));
        Assert.Equal([10d, 30d, 18d, 12d, 10d], sheet.Descendants<Column>().Select(c => c.Width!.Value));

        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string Text(string reference) => cells[reference].InlineString!.InnerText;
        Assert.Equal(("Laporan Uji", "PT Jaringan Uji", "Kode", "Porsi"), (Text("A1"), Text("A2"), Text("A4"), Text("E4")));

        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        string NumberFormat(Cell cell) =>
            styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value).FormatCode!.Value!;
        bool Bold(Cell cell) => styles.Fonts!.Elements<Font>().ElementAt((int)formats[(int)cell.StyleIndex!.Value].FontId!.Value).Bold is not null;

        var money = cells["C6"];
        Assert.Equal((CellValues.Number, -5000m), (money.DataType!.Value, decimal.Parse(money.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Rp", NumberFormat(money), StringComparison.Ordinal);
        var date = cells["D6"];
        Assert.Equal((CellValues.Number, "dd/mm/yyyy"), (date.DataType!.Value, NumberFormat(date)));
        Assert.Equal(new DateTime(2026, 3, 31), DateTime.FromOADate(double.Parse(date.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var share = cells["E6"];
        Assert.Equal((10u, "0.125"), (formats[(int)share.StyleIndex!.Value].NumberFormatId!.Value, share.CellValue!.Text));
        Assert.Equal("=HYPERLINK(\"http://x\")", Text("B6"));
        Assert.Null(cells["B6"].CellFormula);
        Assert.Equal(1u, formats[(int)cells["B6"].StyleIndex!.Value].Alignment!.Indent!.Value);
        Assert.Equal(("Total bagian satu", true, 1_495_000m), (Text("B9"), Bold(cells["C9"]), decimal.Parse(cells["C9"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(Bold(money));
    }

    [Fact]
    public async Task Pdf_shows_the_company_header_title_figures_and_repeats_the_column_headers_on_every_page()
    {
        var bytes = await WriteAsync(new PdfReportWriter(), Table(extraRows: 120));

        var text = await PdfText.ExtractAsync(bytes);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
        Assert.Contains("PT Jaringan Uji", text, StringComparison.Ordinal);
        Assert.Contains("LAPORAN UJI", text, StringComparison.Ordinal);
        Assert.Contains("Periode 01/03/2026 – 31/03/2026", text, StringComparison.Ordinal);
        Assert.Contains("Total bagian satu", text, StringComparison.Ordinal);
        Assert.Contains("Rp 1.495.000", text, StringComparison.Ordinal);
        Assert.Contains("-Rp 5.000", text, StringComparison.Ordinal);
        Assert.Contains("12,5%", text, StringComparison.Ordinal);
        var pages = System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(bytes), @"/Type\s*/Page\b(?!s)");
        var headers = System.Text.RegularExpressions.Regex.Count(text, "Porsi");
        Assert.True(headers >= 2 && headers == pages, $"the column headers appear {headers} times on {pages} pages: {text[..Math.Min(600, text.Length)]}");
    }
}

/// <summary>A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF between records.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }
}
