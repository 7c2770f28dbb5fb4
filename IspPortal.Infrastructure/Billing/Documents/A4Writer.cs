using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IspPortal.Infrastructure.Billing.Documents;

/// <summary>
/// The little layout PDFsharp lacks: A4 pages written top to bottom with a cursor, wrapped text,
/// and a new page when the next block would not fit.
/// </summary>
internal sealed class A4Writer : IDisposable
{
    public const double Margin = 40;

    private readonly PdfDocument _document = new();
    private PdfPage _page = default!;

    public A4Writer(string title)
    {
        DejaVuFonts.Install();
        _document.Info.Title = title;
        _document.Info.Creator = "IspPortal";
        NewPage();
    }

    public XGraphics Graphics { get; private set; } = default!;

    public double Y { get; set; }

    public double Left { get; } = Margin;

    public double Right => _page.Width.Point - Margin;

    public double Width => Right - Left;

    private double Bottom => _page.Height.Point - Margin;

    public static XFont Font(double size, bool bold = false, bool italic = false) =>
        new(DejaVuFonts.Family, size, (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        });

    /// <summary>Starts a new page when <paramref name="height"/> more points would run past the bottom margin.</summary>
    public void KeepTogether(double height)
    {
        if (Y + height > Bottom)
            NewPage();
    }

    /// <summary>Draws one line of text in a box starting at the cursor, without moving it.</summary>
    public void Text(string text, XFont font, double x, double width, XStringFormat align, XBrush? brush = null) =>
        Graphics.DrawString(text, font, brush ?? XBrushes.Black, new XRect(x, Y, width, font.Height), align);

    /// <summary>Draws text wrapped to <paramref name="width"/> (keeping its own line breaks) and returns its height, without moving the cursor.</summary>
    public double Wrapped(string text, XFont font, double x, double width, XBrush? brush = null)
    {
        var lines = WrapLines(text, font, width);
        for (var i = 0; i < lines.Count; i++)
            Graphics.DrawString(lines[i], font, brush ?? XBrushes.Black, new XRect(x, Y + i * font.Height, width, font.Height), XStringFormats.TopLeft);
        return lines.Count * font.Height;
    }

    public double WrappedHeight(string text, XFont font, double width) => WrapLines(text, font, width).Count * font.Height;

    public void Rule(double thickness = 0.5)
    {
        Graphics.DrawLine(new XPen(XColors.Gray, thickness), Left, Y, Right, Y);
    }

    public byte[] ToPdf()
    {
        Graphics.Dispose();
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        Graphics.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        Graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        Graphics = XGraphics.FromPdfPage(_page);
        Y = Margin;
    }

    private List<string> WrapLines(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    candidate = word;
                }
                line = candidate;
            }
            lines.Add(line);
        }
        return lines;
    }
}
