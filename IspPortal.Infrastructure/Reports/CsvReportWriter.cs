using System.Globalization;
using System.Text;
using IspPortal.Core.Reports.Exports;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// CSV as Excel opens it (RFC 4180): UTF-8 with a BOM, comma-separated, CRLF, a field quoted when it holds a comma, quote or line break.
/// The file is the table alone — the column headers, then a line per row — so it reads back as data; the title and period are in the
/// file name. Money and percent are plain invariant numbers (<c>-5000</c>, <c>0.125</c>), dates ISO (<c>2026-03-31</c>).
/// A text cell that a spreadsheet would run as a formula (it starts with <c>= + - @</c>, a tab or a carriage return) gets a leading
/// <c>'</c>; number cells are never touched, so a negative amount stays a number.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public ExportFormat Format => ExportFormat.Csv;

    public async Task WriteAsync(ReportTable table, ReportCompany company, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(c => Quote(Neutralise(c.Header)))).AsMemory(), cancellationToken);
        await foreach (var row in table.ReadRowsAsync(cancellationToken))
        {
            var line = new StringBuilder();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (i > 0)
                    line.Append(',');
                line.Append(Field(i < row.Cells.Count ? row.Cells[i] : null));
            }
            await writer.WriteLineAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static string Field(object? cell) => cell switch
    {
        null => "",
        decimal number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>OWASP's CSV-injection rule: a text starting with a formula character is prefixed with <c>'</c> so it stays text.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
