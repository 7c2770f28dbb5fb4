using Bunit;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Billing.Components;

namespace IspPortal.Tests.Billing;

public class InvoiceComponentTests : PortalComponentTest
{
    private static readonly DateTimeOffset Issued = new(2025, 2, 1, 0, 5, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void History_lists_what_happened_in_time_order_with_the_payment_before_the_paid_it_caused()
    {
        var paidAt = Issued.AddDays(6);
        var invoice = Invoice(InvoiceStatus.Paid, paidAt,
            allocations: [new InvoiceAllocationView(7, "PAY/2025/02/000007", PaymentMethod.Cash, paidAt, 150_000m, paidAt)],
            notes: [new CreditNoteView("CN/2025/02/000001", 50_000m, "Gangguan 3 hari", "Fina", Issued.AddDays(3))]);

        var history = Render<InvoiceHistory>(p => p.Add(h => h.Invoice, invoice).Add(h => h.Zone, Jakarta));

        Assert.Equal(
            ["Dibuat, Rp 200.000", "Nota kredit CN/2025/02/000001: Rp 50.000", "Pembayaran PAY/2025/02/000007: Rp 150.000", "Dibayar lunas"],
            history.FindAll(".mud-timeline-item .mud-typography-body2").Select(e => e.TextContent.Trim()));
        Assert.Contains("07/02/2025 07:05", history.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_void_invoice_ends_its_history_with_the_reason()
    {
        var invoice = Invoice(InvoiceStatus.Void, null) with { Void = new InvoiceVoidView("Salah pelanggan", Issued.AddHours(2), "Fina") };

        var history = Render<InvoiceHistory>(p => p.Add(h => h.Invoice, invoice).Add(h => h.Zone, Jakarta));

        Assert.Equal("Dibatalkan: Salah pelanggan", history.FindAll(".mud-timeline-item .mud-typography-body2")[^1].TextContent.Trim());
    }

    [Theory]
    [InlineData(InvoiceStatus.Unpaid, "Belum bayar")]
    [InlineData(InvoiceStatus.Overdue, "Terlambat")]
    [InlineData(InvoiceStatus.Void, "Dibatalkan")]
    public void The_status_chip_names_the_status(InvoiceStatus status, string label)
    {
        var chip = Render<InvoiceStatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(label, chip.Find("[data-testid=invoice-status]").TextContent.Trim());
    }

    private static InvoiceView Invoice(InvoiceStatus status, DateTimeOffset? paidAt,
        IReadOnlyList<InvoiceAllocationView>? allocations = null, IReadOnlyList<CreditNoteView>? notes = null) => new(
        1, "INV/2025/02/000001", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10), status,
        1, "KCB-CKP011224-001", "Siti Nurhaliza", "+6281234567890", null,
        200_000m, 0m, 0m, 0m, 200_000m, allocations?.Sum(a => a.Amount) ?? 0m, notes?.Sum(n => n.Amount) ?? 0m, 0m,
        Issued, paidAt, null, [], allocations ?? [], notes ?? [], new PayLinkView(0, null, false));
}
