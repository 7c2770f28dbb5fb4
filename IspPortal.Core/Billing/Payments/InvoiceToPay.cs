using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <summary>What the public pay page shows: one invoice and nothing else of the customer's.</summary>
/// <param name="Qris">The QRIS code still valid for the amount due, if one was made.</param>
public sealed record InvoiceToPayView(
    string CompanyName, string InvoiceNumber, string CustomerName, DateOnly Period, DateOnly DueDate, decimal Total, decimal AmountDue,
    InvoiceStatus Status, bool QrisEnabled, QrisToPay? Qris);

/// <summary>The invoice behind a payment link, for a visitor who has the link and nothing more.</summary>
public sealed class InvoiceToPay(IIspDbFactory dbs, CreateQrisPayment qris, PortalSettings settings)
{
    public async Task<InvoiceToPayView?> ExecuteAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking()
            .Where(i => i.Number == invoiceNumber)
            .Select(i => new { i.Number, i.Customer!.FullName, i.Period, i.DueDate, i.Total, i.AmountPaid, i.CreditedAmount, i.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (invoice is null)
            return null;
        var company = await settings.GetAsync<CompanyProfile>(cancellationToken);
        var gateway = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        var amountDue = invoice.Total - invoice.AmountPaid - invoice.CreditedAmount;
        var payable = invoice.Status is not (InvoiceStatus.Paid or InvoiceStatus.Void) && amountDue > 0;
        return new InvoiceToPayView(company.Name, invoice.Number, invoice.FullName, invoice.Period, invoice.DueDate, invoice.Total, amountDue, invoice.Status,
            payable && gateway.IsConfigured, payable ? await qris.ShowingAsync(invoice.Number, cancellationToken) : null);
    }
}
