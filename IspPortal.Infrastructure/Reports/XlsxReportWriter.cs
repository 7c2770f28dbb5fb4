using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Reports.Exports;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// The Open XML SDK's <see cref="OpenXmlWriter"/> writes the sheet element by element (never a DOM of the rows) straight into a
/// zip entry of a temporary file deleted on close, which is then copied to the response: memory stays flat however long the report
/// (the SDK's own package, through System.IO.Packaging, would keep the whole sheet's XML in memory until it closes, so the package's
/// four small fixed parts are written here and only the parts' XML is the SDK's). Title, company and period on rows 1–3, the column
/// headers on row 4, frozen with everything above; money as numbers in the rupiah format, percent as numbers in a percent format,
/// dates as date serials; text as inline strings (no shared-string table to hold); bold subtotals; the names indented.
/// </summary>
public sealed class XlsxReportWriter : IReportWriter
{
    private const int HeaderRow = 4;
    private const int MaxIndent = 3;

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    public ExportFormat Format => ExportFormat.Xlsx;

    public async Task WriteAsync(ReportTable table, ReportCompany company, Stream output, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", ContentTypes);
            Text(zip, "_rels/.rels", PackageRelationships);
            Text(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/workbook.xml", new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(table.Title) })));
            Part(zip, "xl/styles.xml", XlsxStyles.Stylesheet());
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            await WriteSheetAsync(sheet, table, company, cancellationToken);
        }
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private static void Text(ZipArchive zip, string name, string xml)
    {
        using var entry = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        entry.Write(xml);
    }

    private static void Part(ZipArchive zip, string name, OpenXmlPartRootElement root)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        root.Save(entry);
    }

    private static async Task WriteSheetAsync(Stream part, ReportTable table, ReportCompany company, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(table.Columns.Select((c, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());

        uint index = 0;
        WriteRow(writer, ++index, [Text(table.Title, XlsxStyles.Title)]);
        WriteRow(writer, ++index, [Text(company.Name, XlsxStyles.Bold)]);
        WriteRow(writer, ++index, [Text(table.Period, XlsxStyles.Plain)]);
        WriteRow(writer, ++index, [.. table.Columns.Select(c => Text(c.Header, XlsxStyles.Header(c.Kind)))]);
        var indentColumn = table.IndentColumn;
        await foreach (var row in table.ReadRowsAsync(cancellationToken))
        {
            var cells = new List<Cell>(table.Columns.Count);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var indent = i == indentColumn ? Math.Min(row.Indent, MaxIndent) : 0;
                cells.Add(CellFor(i < row.Cells.Count ? row.Cells[i] : null, table.Columns[i].Kind, row.Bold, indent));
            }
            WriteRow(writer, ++index, cells);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, List<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < cells.Count; i++)
        {
            cells[i].CellReference = $"{ColumnName(i)}{index}";
            writer.WriteElement(cells[i]);
        }
        writer.WriteEndElement();
    }

    private static Cell CellFor(object? value, ColumnKind kind, bool bold, int indent) => value switch
    {
        null => new Cell { StyleIndex = XlsxStyles.For(ColumnKind.Text, bold, 0) },
        decimal number => Number(number, XlsxStyles.For(kind is ColumnKind.Percent or ColumnKind.Count ? kind : ColumnKind.Money, bold, 0)),
        int number => Number(number, XlsxStyles.For(kind is ColumnKind.Percent or ColumnKind.Count ? kind : ColumnKind.Money, bold, 0)),
        DateOnly day => Number((decimal)day.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxStyles.For(ColumnKind.Date, bold, 0)),
        _ => Text(Sanitised(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""), XlsxStyles.For(ColumnKind.Text, bold, indent)),
    };

    private static Cell Number(decimal value, uint style) => new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell Text(string text, uint style) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>XML 1.0 cannot carry most control characters: they are dropped rather than making the file unreadable.</summary>
    private static string Sanitised(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')]) : text;

    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return name.Length == 0 ? "Laporan" : name[..Math.Min(31, name.Length)];
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
