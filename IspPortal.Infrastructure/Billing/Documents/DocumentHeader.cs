using IspPortal.Core.Billing.Documents;
using PdfSharp.Drawing;

namespace IspPortal.Infrastructure.Billing.Documents;

/// <summary>
/// The company header every PDF document shares (invoices, receipts, report exports): logo, name, address, contact and NPWP
/// on the left, the document's title and its facts on the right, a rule below.
/// </summary>
internal static class DocumentHeader
{
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));

    public static void Draw(A4Writer page, DocumentCompany company, string title, IReadOnlyList<string> facts)
    {
        var top = page.Y;
        var textLeft = page.Left;
        if (company.Logo is { Length: > 0 } logo)
        {
            using var image = XImage.FromStream(new MemoryStream(logo, writable: false));
            var scale = Math.Min(110 / image.PointWidth, 60 / image.PointHeight);
            page.Graphics.DrawImage(image, page.Left, top, image.PointWidth * scale, image.PointHeight * scale);
            textLeft += image.PointWidth * scale + 10;
        }
        var companyWidth = page.Right - 220 - textLeft;
        page.Text(company.Name, A4Writer.Font(13, bold: true), textLeft, companyWidth, XStringFormats.TopLeft);
        page.Y += 18;
        string[] contact =
        [
            company.Address,
            string.Join(" · ", new[] { company.Phone, company.Email }.Where(s => s.Length > 0)),
            company.Npwp.Length > 0 ? $"NPWP {company.Npwp}" : "",
        ];
        foreach (var line in contact.Where(l => l.Length > 0))
            page.Y += page.Wrapped(line, HeaderFonts.Small, textLeft, companyWidth, Grey);
        var leftBottom = Math.Max(page.Y, top + 60);

        page.Y = top;
        page.Text(title, HeaderFonts.Title, page.Right - 220, 220, XStringFormats.TopRight);
        page.Y += HeaderFonts.Title.Height + 2;
        foreach (var fact in facts)
        {
            page.Text(fact, HeaderFonts.Body, page.Right - 220, 220, XStringFormats.TopRight);
            page.Y += HeaderFonts.Body.Height;
        }
        page.Y = Math.Max(page.Y, leftBottom) + 8;
        page.Rule(1);
        page.Y += 10;
    }

    private static class HeaderFonts
    {
        public static readonly XFont Title, Body, Small;

        static HeaderFonts()
        {
            DejaVuFonts.Install();
            (Title, Body, Small) = (A4Writer.Font(18, bold: true), A4Writer.Font(9), A4Writer.Font(8));
        }
    }
}
