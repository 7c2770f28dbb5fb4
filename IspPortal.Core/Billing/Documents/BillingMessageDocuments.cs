using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Documents;

/// <summary>The invoice PDF with the invoice notice, the receipt PDF with the payment receipt, both rendered as they are sent.</summary>
public sealed class BillingMessageDocuments(IIspDbFactory dbs, BillingDocuments documents) : IMessageDocuments
{
    public const string InvoiceNumber = "nomor_tagihan";
    /// <summary>Not a placeholder of the text: it tells the dispatcher which receipt to attach.</summary>
    public const string PaymentNumber = "nomor_pembayaran";

    public async Task<OutgoingFile?> ForAsync(OutboxMessage message, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var invoiceNumber = message.Template == NotificationEvents.InvoiceIssued.Key ? values.GetValueOrDefault(InvoiceNumber) : null;
        var paymentNumber = message.Template == NotificationEvents.PaymentReceipt.Key ? values.GetValueOrDefault(PaymentNumber) : null;
        // The dispatcher asks about every message without files: most carry none and need no database.
        if (invoiceNumber is null && paymentNumber is null)
            return null;
        await using var db = await dbs.CreateAsync(cancellationToken);
        BillingPdf? pdf = null;
        if (invoiceNumber is not null)
        {
            var id = await db.Invoices.Where(i => i.Number == invoiceNumber && i.CustomerId == message.CustomerId).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
            pdf = id is null ? null : await documents.InvoicePdfAsync(id.Value, cancellationToken);
        }
        else
        {
            var id = await db.Payments.Where(p => p.Number == paymentNumber && p.CustomerId == message.CustomerId).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
            pdf = id is null ? null : await documents.ReceiptPdfAsync(id.Value, cancellationToken);
        }
        return pdf is null ? null : new OutgoingFile(pdf.FileName, "application/pdf", pdf.Content);
    }
}
