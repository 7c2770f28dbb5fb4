using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Billing.Documents;
using IspPortal.Tests.Support;
using ImageMagick;

namespace IspPortal.Tests.Billing.Documents;

/// <summary>Invoices and receipts rendered with PDFsharp and read back with poppler's pdftotext.</summary>
public sealed class BillingDocumentRendererTests
{
    private const string QrisWithoutCrc = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI520448165303360"
        + "5802ID5912NET KARAWANG6008KARAWANG61054136163" + "04";

    private static readonly DocumentCompany Company = new("PT Net Karawang", "Jl. Tuparev 1, Karawang", "0267-123456", "tagihan@netkarawang.id", "01.234.567.8-901.000", Logo: null);
    private static readonly DocumentCustomer Customer = new("KCB-CKP010225-001", "Siti Nurhaliza", "Jl. Ahmad Yani 12, Cikampek", "+6281234567890");

    private readonly PdfSharpBillingDocumentRenderer _renderer = new();

    [Fact]
    public async Task An_invoice_shows_number_customer_lines_ppn_total_and_the_total_in_words()
    {
        var invoice = Invoice(InvoiceStatus.Unpaid);

        var text = await PdfText.ExtractAsync(_renderer.Invoice(invoice));

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(_renderer.Invoice(invoice), 0, 5), StringComparison.Ordinal);
        Assert.Contains("INV/2025/02/000123", text, StringComparison.Ordinal);
        Assert.Contains("Siti Nurhaliza", text, StringComparison.Ordinal);
        Assert.Contains("Biaya pemasangan", text, StringComparison.Ordinal);
        Assert.Contains("PPN 11%", text, StringComparison.Ordinal);
        Assert.Contains(Rupiah.Format(invoice.Total), text, StringComparison.Ordinal);
        Assert.Contains("Terbilang: " + Terbilang.Rupiah(invoice.Total), text, StringComparison.Ordinal);
        Assert.Contains("10 Februari 2025", text, StringComparison.Ordinal);
        Assert.Contains("BCA 1234567890 a.n. PT Net Karawang", text, StringComparison.Ordinal);
        Assert.Contains("Scan QRIS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LUNAS", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_invoice_is_stamped_lunas_and_a_void_one_batal_with_its_reason()
    {
        var paid = await PdfText.ExtractAsync(_renderer.Invoice(Invoice(InvoiceStatus.Paid)));
        var voided = await PdfText.ExtractAsync(_renderer.Invoice(Invoice(InvoiceStatus.Void) with { VoidReason = "Salah paket" }));

        Assert.Contains("LUNAS", paid, StringComparison.Ordinal);
        Assert.Contains("BATAL", voided, StringComparison.Ordinal);
        Assert.Contains("Dibatalkan: Salah paket", voided, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MagickFormat.Png)]
    [InlineData(MagickFormat.Jpeg)]
    public async Task Without_a_qris_payload_there_is_no_qr_caption_and_a_png_or_jpeg_logo_is_drawn(MagickFormat format)
    {
        using var logo = new MagickImage(MagickColors.SteelBlue, 200, 80) { Format = format };
        var invoice = Invoice(InvoiceStatus.Unpaid) with { StaticQrisPayload = null, Company = Company with { Logo = logo.ToByteArray() } };

        var text = await PdfText.ExtractAsync(_renderer.Invoice(invoice));

        Assert.DoesNotContain("Scan QRIS", text, StringComparison.Ordinal);
        Assert.Contains("PT Net Karawang", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_shows_the_amount_in_words_the_invoices_it_paid_and_the_credit_kept()
    {
        var receipt = new ReceiptDocument(Company, Customer, "PAY/2025/02/000045", new DateTimeOffset(2025, 2, 5, 14, 30, 0, TimeSpan.FromHours(7)),
            PaymentMethod.Cash, null, 600_000m, [new ReceiptAllocation("INV/2025/02/000123", 555_000m)], 45_000m, Terbilang.Rupiah(600_000m), "Test Finance");

        var text = await PdfText.ExtractAsync(_renderer.Receipt(receipt));

        Assert.Contains("KUITANSI / TANDA TERIMA", text, StringComparison.Ordinal);
        Assert.Contains("PAY/2025/02/000045", text, StringComparison.Ordinal);
        Assert.Contains("Siti Nurhaliza", text, StringComparison.Ordinal);
        Assert.Contains(Rupiah.Format(600_000m), text, StringComparison.Ordinal);
        Assert.Contains("Terbilang: enam ratus ribu rupiah", text, StringComparison.Ordinal);
        Assert.Contains("INV/2025/02/000123", text, StringComparison.Ordinal);
        Assert.Contains(Rupiah.Format(45_000m), text, StringComparison.Ordinal);
        Assert.Contains("05 Februari 2025 14:30 WIB", text, StringComparison.Ordinal);
        Assert.Contains("Test Finance", text, StringComparison.Ordinal);
    }

    /// <summary>200,000 subscription + 150,000 installation − 50,000 discount, PPN 11% on 300,000: 333,000.</summary>
    private static InvoiceDocument Invoice(InvoiceStatus status)
    {
        var paid = status == InvoiceStatus.Paid ? 333_000m : 0m;
        return new InvoiceDocument(Company, Customer, "INV/2025/02/000123", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10),
            [
                new InvoiceDocumentLine("Langganan Rumahan 20 Mbps Februari 2025", 1m, 200_000m, 200_000m, IsDiscount: false),
                new InvoiceDocumentLine("Biaya pemasangan", 1m, 150_000m, 150_000m, IsDiscount: false),
                new InvoiceDocumentLine("Diskon pelanggan baru", 1m, 50_000m, 50_000m, IsDiscount: true),
            ],
            Subtotal: 350_000m, Discount: 50_000m, PpnRatePercent: 11m, PpnAmount: 33_000m, Total: 333_000m, Paid: paid, AmountDue: 333_000m - paid,
            status, VoidReason: null, Terbilang.Rupiah(333_000m), "BCA 1234567890 a.n. PT Net Karawang\nMandiri 0987654321 a.n. PT Net Karawang",
            QrisWithoutCrc + StaticQris.Crc(QrisWithoutCrc));
    }
}
