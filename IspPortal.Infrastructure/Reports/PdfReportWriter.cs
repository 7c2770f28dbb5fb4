using System.Globalization;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Exports;
using IspPortal.Infrastructure.Billing.Documents;
using PdfSharp.Drawing;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// A report on A4 with PDFsharp, under the same company header as invoices (<see cref="DocumentHeader"/>): the columns share the
/// page by their widths, money right-aligned as <c>Rp 1.500.000</c>, and the column headers repeat at the top of every page.
/// </summary>
public sealed class PdfReportWriter : IReportWriter
{
    private const double Padding = 3;
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(235, 238, 242));

    public ExportFormat Format => ExportFormat.Pdf;

    public async Task WriteAsync(ReportTable table, ReportCompany company, Stream output, CancellationToken cancellationToken)
    {
        byte[] pdf;
        using (var page = new A4Writer(table.Title))
        {
            DocumentHeader.Draw(page, new DocumentCompany(company.Name, company.Address, company.Phone, company.Email, company.Npwp, company.Logo),
                table.Title.ToUpperInvariant(), [table.Period]);
            var widths = Widths(table.Columns, page.Width);
            ColumnHeaders(page, table.Columns, widths);
            await foreach (var row in table.ReadRowsAsync(cancellationToken))
            {
                var font = row.Bold ? Fonts.Bold : Fonts.Body;
                var before = page.Y;
                page.KeepTogether(font.Height + 2 * Padding);
                if (page.Y < before)
                    ColumnHeaders(page, table.Columns, widths);
                Row(page, table.Columns, widths, table.IndentColumn, row, font);
            }
            page.Y += 6;
            page.KeepTogether(Fonts.Small.Height);
            page.Text($"Dicetak dari IspPortal · {company.Name}", Fonts.Small, page.Left, page.Width, XStringFormats.TopLeft);
            pdf = page.ToPdf();
        }
        await output.WriteAsync(pdf, cancellationToken);
    }

    private static double[] Widths(IReadOnlyList<ReportColumn> columns, double total)
    {
        var sum = columns.Sum(c => c.Width);
        return [.. columns.Select(c => total * c.Width / sum)];
    }

    private static void ColumnHeaders(A4Writer page, IReadOnlyList<ReportColumn> columns, double[] widths)
    {
        var height = columns.Select((c, i) => page.WrappedHeight(c.Header, Fonts.Bold, widths[i] - 2 * Padding)).Max() + 2 * Padding;
        page.KeepTogether(height + Fonts.Body.Height);
        page.Graphics.DrawRectangle(HeaderFill, page.Left, page.Y, page.Width, height);
        var x = page.Left;
        var top = page.Y;
        for (var i = 0; i < columns.Count; i++)
        {
            page.Y = top + Padding;
            page.Wrapped(columns[i].Header, Fonts.Bold, x + Padding, widths[i] - 2 * Padding);
            x += widths[i];
        }
        page.Y = top + height;
    }

    private static void Row(A4Writer page, IReadOnlyList<ReportColumn> columns, double[] widths, int indentColumn, ReportRow row, XFont font)
    {
        var x = page.Left;
        page.Y += Padding;
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = i < row.Cells.Count ? row.Cells[i] : null;
            var numeric = columns[i].Kind is ColumnKind.Money or ColumnKind.Percent or ColumnKind.Count;
            var indent = i == indentColumn ? row.Indent * 10 : 0;
            page.Text(Display(cell, columns[i].Kind), font, x + Padding + indent, widths[i] - 2 * Padding - indent, numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
            x += widths[i];
        }
        page.Y += font.Height + Padding;
        if (row.Bold)
            page.Rule(0.3);
    }

    private static string Display(object? cell, ColumnKind kind) => (cell, kind) switch
    {
        (null, _) => "",
        (decimal amount, ColumnKind.Money) => Rupiah.Format(amount),
        (decimal share, ColumnKind.Percent) => share.ToString("P1", Rupiah.Indonesia),
        (int count, ColumnKind.Count) => count.ToString("N0", Rupiah.Indonesia),
        (DateOnly day, _) => day.ToString(DisplayFormats.Date, CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, Rupiah.Indonesia) ?? "",
    };

    private static class Fonts
    {
        public static readonly XFont Body, Bold, Small;

        static Fonts()
        {
            DejaVuFonts.Install();
            (Body, Bold, Small) = (A4Writer.Font(8), A4Writer.Font(8, bold: true), A4Writer.Font(7));
        }
    }
}
