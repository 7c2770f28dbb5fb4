using Bunit;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Billing.Components;

namespace IspPortal.Tests.Billing;

public sealed class PaymentComponentTests : PortalComponentTest
{
    private static readonly CustomerBillingView Owing = new(1, "KCB-CKP010225-001", "Siti", CustomerStatus.Active, 0m, 300_000m, 100_000m,
        [
            new BillingInvoiceView(2, "INV/2025/03/000002", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10), 200_000m, 0m, 0m, 200_000m, InvoiceStatus.Unpaid),
            new BillingInvoiceView(1, "INV/2025/02/000001", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10), 200_000m, 100_000m, 0m, 100_000m, InvoiceStatus.Overdue),
            new BillingInvoiceView(0, "INV/2025/01/000000", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 10), 200_000m, 200_000m, 0m, 0m, InvoiceStatus.Paid),
        ],
        [], [], null, []);

    [Fact]
    public void While_the_amount_is_typed_the_oldest_open_invoice_is_paid_first_and_the_rest_shown_as_credit()
    {
        var part = Render<OutstandingInvoices>(p => p.Add(o => o.Billing, Owing).Add(o => o.Amount, 250_000m));
        var rows = part.FindAll("[data-testid=outstanding] tbody tr");

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("INV/2025/02/000001", rows[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Rp 100.000", rows[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Rp 150.000", rows[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("disimpan sebagai saldo", part.Find("[data-testid=outstanding-summary]").TextContent, StringComparison.Ordinal);

        part.Render(p => p.Add(o => o.Amount, 400_000m));

        Assert.Contains("lebih Rp 100.000 disimpan sebagai saldo", part.Find("[data-testid=outstanding-summary]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PaymentStatus.Pending, "Menunggu konfirmasi")]
    [InlineData(PaymentStatus.Rejected, "Ditolak")]
    public void The_payment_status_chip_names_the_status(PaymentStatus status, string label)
    {
        Assert.Equal(label, Render<PaymentStatusChip>(p => p.Add(c => c.Status, status)).Find("[data-testid=payment-status]").TextContent.Trim());
    }
}
