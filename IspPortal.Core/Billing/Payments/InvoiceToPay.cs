using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <summary>What the public pay page shows: one invoice and nothing else of the customer's.</summary>
/// <param name="Qris">The QRIS code still valid for the amount due, if one was made.</param>
public sealed record InvoiceToPayView(
    string CompanyName, string InvoiceNumber, string CustomerName, DateOnly Period, DateOnly DueDate, decimal Total, decimal AmountDue,
    InvoiceStatus Status, bool QrisEnabled, QrisToPay? Qris);

/// <summary>
/// The invoice behind a payment link, for a visitor who has the link and nothing more; a link that
/// was revoked, or whose invoice was paid or voided longer ago than
/// <see cref="BillingSettings.PayLinkDaysAfterSettled"/>, opens nothing.
/// </summary>
public sealed class InvoiceToPay(IIspDbFactory dbs, IPaymentLinks links, CreateQrisPayment qris, PortalSettings settings, TimeProvider clock)
{
    public async Task<LinkOpening<InvoiceToPayView>> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } target)
            return LinkOpening.Closed<InvoiceToPayView>(LinkState.Unknown);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking()
            .Where(i => i.Number == target.Number)
            .Select(i => new { i.Number, i.Customer!.FullName, i.Period, i.DueDate, i.Total, i.AmountPaid, i.CreditedAmount, i.Status, i.PaidAt, i.VoidedAt, i.PayLinkVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (invoice is null)
            return LinkOpening.Closed<InvoiceToPayView>(LinkState.Unknown);
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var state = CustomerLinkRules.Judge(target, invoice.PayLinkVersion, Invoice.SettledAtOf(invoice.Status, invoice.PaidAt, invoice.VoidedAt),
            billing.PayLinkDaysAfterSettled, clock.GetUtcNow());
        if (state != LinkState.Open)
            return LinkOpening.Closed<InvoiceToPayView>(state);
        var company = await settings.GetAsync<CompanyProfile>(cancellationToken);
        var gateway = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        var amountDue = invoice.Total - invoice.AmountPaid - invoice.CreditedAmount;
        var payable = invoice.Status is not (InvoiceStatus.Paid or InvoiceStatus.Void) && amountDue > 0;
        return LinkOpening.Open(new InvoiceToPayView(company.Name, invoice.Number, invoice.FullName, invoice.Period, invoice.DueDate, invoice.Total, amountDue,
            invoice.Status, payable && gateway.IsConfigured, payable ? await qris.ShowingAsync(invoice.Number, cancellationToken) : null));
    }
}
