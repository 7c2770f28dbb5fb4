using System.Globalization;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using PdfSharp.Drawing;
using QRCoder;

namespace IspPortal.Infrastructure.Billing.Documents;

/// <summary>Invoices ("TAGIHAN") and receipts ("KUITANSI") on A4 with PDFsharp, in Indonesian.</summary>
public sealed class PdfSharpBillingDocumentRenderer : IBillingDocumentRenderer
{
    private const double QrSize = 110;
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(235, 238, 242));
    private static readonly XColor PaidGreen = XColor.FromArgb(30, 130, 60);
    private static readonly XColor VoidRed = XColor.FromArgb(190, 30, 30);

    public byte[] Invoice(InvoiceDocument invoice)
    {
        using var page = new A4Writer($"Tagihan {invoice.Number}");
        DocumentHeader.Draw(page, invoice.Company, "TAGIHAN / INVOICE",
            [invoice.Number, $"Periode: {Month(invoice.Period)}", $"Tanggal: {Day(invoice.IssueDate)}", $"Jatuh tempo: {Day(invoice.DueDate)}"]);
        CustomerBlock(page, "Kepada", invoice.Customer);
        StatusStamp(page, invoice);
        LinesTable(page, invoice.Lines);
        Totals(page, invoice);
        page.Y += page.Wrapped($"Terbilang: {invoice.TotalInWords}", Fonts.Words, page.Left, page.Width) + 8;
        if (invoice.Status is not (InvoiceStatus.Paid or InvoiceStatus.Void))
            page.Y += page.Wrapped($"Mohon dibayar paling lambat {Day(invoice.DueDate)}.", Fonts.Heading, page.Left, page.Width) + 8;
        PaymentInstructions(page, invoice);
        return page.ToPdf();
    }

    public byte[] Receipt(ReceiptDocument receipt)
    {
        using var page = new A4Writer($"Kuitansi {receipt.Number}");
        DocumentHeader.Draw(page, receipt.Company, "KUITANSI / TANDA TERIMA",
            [receipt.Number, $"Tanggal: {Day(DateOnly.FromDateTime(receipt.ReceivedAt.DateTime))}"]);
        CustomerBlock(page, "Telah terima dari", receipt.Customer);

        Row(page, "Uang sejumlah", Rupiah.Format(receipt.Amount), Fonts.Heading);
        page.Y += page.Wrapped($"Terbilang: {receipt.AmountInWords}", Fonts.Words, page.Left, page.Width) + 6;
        Row(page, "Cara bayar", MethodName(receipt.Method) + (string.IsNullOrWhiteSpace(receipt.Reference) ? "" : $" · Ref. {receipt.Reference}"), Fonts.Body);
        Row(page, "Diterima", $"{receipt.ReceivedAt.ToString("dd MMMM yyyy HH':'mm", Rupiah.Indonesia)} {ZoneName(receipt.ReceivedAt.Offset)}", Fonts.Body);
        page.Y += 8;

        page.Text("Untuk pembayaran", Fonts.Heading, page.Left, page.Width, XStringFormats.TopLeft);
        page.Y += Fonts.Heading.Height + 2;
        foreach (var allocation in receipt.Allocations)
            Row(page, $"Tagihan {allocation.InvoiceNumber}", Rupiah.Format(allocation.Amount), Fonts.Body);
        if (receipt.CreditKept > 0)
            Row(page, "Disimpan sebagai saldo pelanggan", Rupiah.Format(receipt.CreditKept), Fonts.Body);
        page.Y += 30;

        page.KeepTogether(70);
        var signature = page.Right - 180;
        page.Text("Diterima oleh,", Fonts.Body, signature, 180, XStringFormats.TopCenter);
        page.Y += 50;
        page.Text(receipt.ReceivedBy, Fonts.Heading, signature, 180, XStringFormats.TopCenter);
        return page.ToPdf();
    }

    private static void CustomerBlock(A4Writer page, string caption, DocumentCustomer customer)
    {
        page.Text(caption, Fonts.Small, page.Left, page.Width, XStringFormats.TopLeft, Grey);
        page.Y += Fonts.Small.Height;
        page.Text($"{customer.Name} ({customer.Code})", Fonts.Heading, page.Left, page.Width, XStringFormats.TopLeft);
        page.Y += Fonts.Heading.Height;
        if (customer.Address.Length > 0)
            page.Y += page.Wrapped(customer.Address, Fonts.Body, page.Left, page.Width / 2);
        if (customer.Phone.Length > 0)
            page.Y += page.Wrapped(customer.Phone, Fonts.Body, page.Left, page.Width / 2);
        page.Y += 12;
    }

    /// <summary>LUNAS or BATAL in a frame to the right of the customer, where a rubber stamp would go.</summary>
    private static void StatusStamp(A4Writer page, InvoiceDocument invoice)
    {
        var (word, color) = invoice.Status switch
        {
            InvoiceStatus.Paid => ("LUNAS", PaidGreen),
            InvoiceStatus.Void => ("BATAL", VoidRed),
            _ => ((string?)null, XColors.Black),
        };
        if (word is null)
            return;
        var box = new XRect(page.Right - 160, page.Y - 58, 150, 40);
        page.Graphics.DrawRoundedRectangle(new XPen(color, 2.5), box, new XSize(8, 8));
        page.Graphics.DrawString(word, Fonts.Stamp, new XSolidBrush(color), box, XStringFormats.Center);
        if (invoice.Status == InvoiceStatus.Void && !string.IsNullOrWhiteSpace(invoice.VoidReason))
        {
            page.Y += page.Wrapped($"Dibatalkan: {invoice.VoidReason}", Fonts.Body, page.Left, page.Width, new XSolidBrush(color)) + 8;
        }
    }

    private static void LinesTable(A4Writer page, IReadOnlyList<InvoiceDocumentLine> lines)
    {
        double[] widths = [page.Width - 240, 50, 95, 95];
        page.Graphics.DrawRectangle(HeaderFill, page.Left, page.Y - 3, page.Width, Fonts.Heading.Height + 6);
        Cells(page, widths, Fonts.Heading, ["Deskripsi", "Qty", "Harga", "Jumlah"]);
        page.Y += Fonts.Heading.Height + 6;
        foreach (var line in lines)
        {
            var height = page.WrappedHeight(line.Description, Fonts.Body, widths[0] - 6);
            page.KeepTogether(height + 6);
            var sign = line.IsDiscount ? "-" : "";
            page.Wrapped(line.Description, Fonts.Body, page.Left + 3, widths[0] - 6);
            Cells(page, widths, Fonts.Body, [null, line.Quantity.ToString("0.##", Rupiah.Indonesia), sign + Rupiah.Format(line.UnitPrice), sign + Rupiah.Format(line.Amount)]);
            page.Y += height + 4;
            page.Rule(0.25);
            page.Y += 4;
        }
        page.Y += 4;
    }

    private static void Cells(A4Writer page, double[] widths, XFont font, string?[] texts)
    {
        var x = page.Left;
        for (var i = 0; i < widths.Length; i++)
        {
            if (texts[i] is { } text)
                page.Text(text, font, x + 3, widths[i] - 6, i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
            x += widths[i];
        }
    }

    private static void Totals(A4Writer page, InvoiceDocument invoice)
    {
        page.KeepTogether(110);
        TotalRow(page, "Subtotal", invoice.Subtotal, Fonts.Body);
        if (invoice.Discount > 0)
            TotalRow(page, "Diskon", -invoice.Discount, Fonts.Body);
        if (invoice.PpnRatePercent > 0)
            TotalRow(page, $"PPN {invoice.PpnRatePercent.ToString("0.##", Rupiah.Indonesia)}%", invoice.PpnAmount, Fonts.Body);
        TotalRow(page, "Total", invoice.Total, Fonts.Heading);
        if (invoice.Paid > 0)
        {
            TotalRow(page, "Dibayar", invoice.Paid, Fonts.Body);
            TotalRow(page, "Sisa tagihan", invoice.AmountDue, Fonts.Heading);
        }
        page.Y += 6;
    }

    private static void TotalRow(A4Writer page, string label, decimal amount, XFont font)
    {
        page.Text(label, font, page.Right - 250, 140, XStringFormats.TopRight);
        page.Text(Rupiah.Format(amount), font, page.Right - 110, 107, XStringFormats.TopRight);
        page.Y += font.Height + 3;
    }

    private static void Row(A4Writer page, string label, string value, XFont font)
    {
        page.Text(label, Fonts.Body, page.Left, 170, XStringFormats.TopLeft, Grey);
        page.Y += page.Wrapped(value, font, page.Left + 175, page.Width - 175) + 3;
    }

    private static void PaymentInstructions(A4Writer page, InvoiceDocument invoice)
    {
        var hasQr = invoice.StaticQrisPayload is not null;
        if (invoice.PaymentInstructions.Length == 0 && !hasQr)
            return;
        var textWidth = page.Width - (hasQr ? QrSize + 20 : 0);
        page.KeepTogether(Math.Max(QrSize + 20, page.WrappedHeight(invoice.PaymentInstructions, Fonts.Body, textWidth) + 30));
        page.Rule();
        page.Y += 8;
        var top = page.Y;
        page.Text("Cara pembayaran", Fonts.Heading, page.Left, textWidth, XStringFormats.TopLeft);
        page.Y += Fonts.Heading.Height + 2;
        page.Y += page.Wrapped(invoice.PaymentInstructions, Fonts.Body, page.Left, textWidth);
        if (hasQr)
        {
            var x = page.Right - QrSize;
            QrCode(page.Graphics, invoice.StaticQrisPayload!, x, top, QrSize);
            page.Graphics.DrawString("Scan QRIS", Fonts.Heading, XBrushes.Black, new XRect(x, top + QrSize + 2, QrSize, Fonts.Heading.Height), XStringFormats.TopCenter);
            page.Y = Math.Max(page.Y, top + QrSize + Fonts.Heading.Height + 4);
        }
    }

    /// <summary>Draws the modules as rectangles: sharp at any zoom and printer, and no image codec needed.</summary>
    private static void QrCode(XGraphics graphics, string payload, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var modules = code.ModuleMatrix;
        var module = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column])
                    graphics.DrawRectangle(XBrushes.Black, x + column * module, y + row * module, module, module);
            }
        }
    }

    /// <summary>Made on first use, after <see cref="A4Writer"/> installed the font resolver they need.</summary>
    private static class Fonts
    {
        public static readonly XFont Title, Heading, Body, Small, Words, Stamp;

        static Fonts()
        {
            DejaVuFonts.Install();
            (Title, Heading, Body, Small, Words, Stamp) = (A4Writer.Font(18, bold: true), A4Writer.Font(10, bold: true), A4Writer.Font(9),
                A4Writer.Font(8), A4Writer.Font(9, italic: true), A4Writer.Font(28, bold: true));
        }
    }

    private static string Day(DateOnly day) => day.ToString("dd MMMM yyyy", Rupiah.Indonesia);

    private static string Month(DateOnly day) => day.ToString("MMMM yyyy", Rupiah.Indonesia);

    private static string MethodName(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Tunai",
        PaymentMethod.BankTransfer => "Transfer bank",
        PaymentMethod.Qris => "QRIS",
        PaymentMethod.VirtualAccount => "Virtual account",
        PaymentMethod.EWallet => "E-wallet",
        _ => method.ToString(),
    };

    private static string ZoneName(TimeSpan offset) => offset.TotalHours switch
    {
        7 => "WIB",
        8 => "WITA",
        9 => "WIT",
        _ => "UTC" + offset.ToString(@"\+hh\:mm", CultureInfo.InvariantCulture),
    };
}
