using System.Runtime.CompilerServices;

namespace IspPortal.Core.Reports.Exports;

/// <summary>What a column holds, which decides how every writer puts its cells: money and percent stay numbers, dates stay dates.</summary>
public enum ColumnKind
{
    Text,
    Money,
    Date,
    Percent,
    /// <summary>A whole number of things (customers, invoices): <see cref="int"/> cells, shown with thousands separators.</summary>
    Count,
}

/// <param name="Width">Relative width in characters (the xlsx column width; the PDF shares the page by these).</param>
public sealed record ReportColumn(string Header, ColumnKind Kind, double Width);

/// <summary>
/// One row of a report: a cell per column (<see cref="string"/> for text, <see cref="decimal"/> for money and percent
/// (0.125 = 12,5 %), <see cref="DateOnly"/> for dates, null for empty), indented by <paramref name="Indent"/> levels in the first text column,
/// bold for headings, subtotals and totals.
/// </summary>
public sealed record ReportRow(IReadOnlyList<object?> Cells, int Indent = 0, bool Bold = false)
{
    public static ReportRow Heading(int columns, int textColumn, string title)
    {
        var cells = new object?[columns];
        cells[textColumn] = title;
        return new ReportRow(cells, Bold: true);
    }
}

/// <summary>The company the report belongs to, printed above it (the PDF's header, the first rows of CSV and xlsx).</summary>
public sealed record ReportCompany(string Name, string Address, string Phone, string Email, string Npwp, byte[]? Logo);

/// <summary>
/// A report as every export writes it: a title, the period it covers, typed columns and rows. The rows are enumerated once,
/// by the writer (<see cref="ReadRowsAsync"/>), so a long report yields them as it reads them instead of holding them all:
/// a statement from its view (<see cref="Rows"/>), a customer list straight from the database (<see cref="Streamed"/>).
/// </summary>
/// <param name="FileName">The download's name without extension, e.g. <c>laba-rugi-2026-03-01-2026-03-31</c>.</param>
public sealed record ReportTable(string Title, string Period, string FileName, IReadOnlyList<ReportColumn> Columns, IEnumerable<ReportRow> Rows)
{
    private IAsyncEnumerable<ReportRow>? _stream;

    /// <summary>A table whose rows are read (from the database) while the file is written.</summary>
    public static ReportTable Streamed(string title, string period, string fileName, IReadOnlyList<ReportColumn> columns, IAsyncEnumerable<ReportRow> rows) =>
        new(title, period, fileName, columns, rows.ToBlockingEnumerable()) { _stream = rows };

    /// <summary>The rows as the writers read them: without blocking a thread while a streamed table's rows come in.</summary>
    public async IAsyncEnumerable<ReportRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in (_stream ?? Rows.ToAsyncEnumerable()).WithCancellation(cancellationToken))
            yield return row;
    }

    /// <summary>The column a row's <see cref="ReportRow.Indent"/> applies to: the last text column before the first figure (the name beside a code).</summary>
    public int IndentColumn
    {
        get
        {
            var firstFigure = Columns.ToList().FindIndex(c => c.Kind != ColumnKind.Text);
            return Math.Max(0, (firstFigure < 0 ? Columns.Count : firstFigure) - 1);
        }
    }
}

/// <summary>Writes a <see cref="ReportTable"/> to a stream in one file format (Infrastructure: CSV, xlsx, PDF).</summary>
public interface IReportWriter
{
    ExportFormat Format { get; }

    Task WriteAsync(ReportTable table, ReportCompany company, Stream output, CancellationToken cancellationToken);
}
