using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Reports.Exports;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// The exports' stylesheet: cell formats by kind (text, money, date, percent) × weight (regular, bold) × indent (text only),
/// then the title and the column headers. Money is <c>"Rp "#,##0</c> (negative with a minus), dates <c>dd/mm/yyyy</c>.
/// </summary>
internal static class XlsxStyles
{
    public const uint MoneyFormat = 164;
    public const uint DateFormat = 165;
    public const uint PercentFormat = 10;
    /// <summary>Excel's built-in <c>#,##0</c>.</summary>
    public const uint CountFormat = 3;
    private const int Indents = 4;
    private static readonly ColumnKind[] Kinds = [ColumnKind.Text, ColumnKind.Money, ColumnKind.Date, ColumnKind.Percent, ColumnKind.Count];

    public static uint Plain => For(ColumnKind.Text, bold: false, indent: 0);

    public static uint Bold => For(ColumnKind.Text, bold: true, indent: 0);

    /// <summary>After the kind × weight × indent block: the title, then a bold header per kind (figures right-aligned).</summary>
    public static uint Title => (uint)(Kinds.Length * 2 * Indents + 1);

    public static uint Header(ColumnKind kind) => Title + 1 + (uint)Array.IndexOf(Kinds, kind);

    /// <summary>The cell format for a kind; the 0th format is Excel's default, so every index is one past its place in the block.</summary>
    public static uint For(ColumnKind kind, bool bold, int indent) =>
        (uint)(1 + (Array.IndexOf(Kinds, kind) * 2 + (bold ? 1 : 0)) * Indents + indent);

    public static Stylesheet Stylesheet()
    {
        var formats = new List<CellFormat> { new() { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 } };
        foreach (var kind in Kinds)
            foreach (var bold in new[] { false, true })
                for (var indent = 0; indent < Indents; indent++)
                    formats.Add(Format(kind, bold ? 1u : 0u, indent));
        formats.Add(new CellFormat { FontId = 2, NumberFormatId = 0, ApplyFont = true });
        foreach (var kind in Kinds)
        {
            var header = Format(ColumnKind.Text, 1, 0);
            header.FillId = 2;
            header.ApplyFill = true;
            header.Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top, Horizontal = kind == ColumnKind.Text ? HorizontalAlignmentValues.Left : HorizontalAlignmentValues.Right };
            header.ApplyAlignment = true;
            formats.Add(header);
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = MoneyFormat, FormatCode = "\"Rp \"#,##0;\\-\"Rp \"#,##0" },
                new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" })
            { Count = 2 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FFEBEEF2") }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(formats) { Count = (uint)formats.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static CellFormat Format(ColumnKind kind, uint font, int indent)
    {
        var format = new CellFormat
        {
            FontId = font,
            FillId = 0,
            BorderId = 0,
            NumberFormatId = kind switch
            {
                ColumnKind.Money => MoneyFormat,
                ColumnKind.Date => DateFormat,
                ColumnKind.Percent => PercentFormat,
                ColumnKind.Count => CountFormat,
                _ => 0,
            },
            ApplyFont = true,
            ApplyNumberFormat = kind != ColumnKind.Text,
        };
        if (indent > 0)
        {
            format.Alignment = new Alignment { Indent = (uint)indent, Horizontal = HorizontalAlignmentValues.Left };
            format.ApplyAlignment = true;
        }
        return format;
    }
}
