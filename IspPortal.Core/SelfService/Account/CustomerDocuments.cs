using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Account;

public sealed record PortalInvoiceView(string Number, DateOnly Period, DateOnly DueDate, decimal Total, decimal Paid, decimal Credited, decimal Due, InvoiceStatus Status)
{
    public bool Payable => Arrears.Owing.Contains(Status) && Due > 0;
}

public sealed record PortalReceiptView(string Number, decimal Amount, DateTimeOffset At, PaymentMethod Method, IReadOnlyList<string> Invoices);

public sealed record PortalCreditNoteView(string Number, string InvoiceNumber, decimal Amount, string Reason, DateTimeOffset At);

public sealed record PortalBillsView(
    IReadOnlyList<PortalInvoiceView> Invoices, IReadOnlyList<PortalReceiptView> Receipts, IReadOnlyList<PortalCreditNoteView> CreditNotes, decimal CreditBalance);

/// <summary>
/// The Tagihan page and the invoice API: the caller's own invoices, receipts and credit notes, and
/// their PDFs. Every lookup is by document number (as printed, or as in the PDF's file name, with
/// dashes for slashes) within the caller's customer, so another customer's number answers exactly as
/// one that does not exist.
/// </summary>
public sealed class CustomerDocuments(IIspDbFactory dbs, BillingDocuments documents)
{
    /// <summary>Five years of monthly invoices; older ones are asked of CS.</summary>
    public const int MaxRows = 60;

    public async Task<PortalBillsView> ListAsync(SelfServiceCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == caller.CustomerId)
            .OrderByDescending(i => i.Period).ThenByDescending(i => i.Id).Take(MaxRows)
            .Select(i => new PortalInvoiceView(i.Number, i.Period, i.DueDate, i.Total, i.AmountPaid, i.CreditedAmount, i.Total - i.AmountPaid - i.CreditedAmount, i.Status))
            .ToListAsync(cancellationToken);
        var receipts = await db.Payments.AsNoTracking().Where(p => p.CustomerId == caller.CustomerId && p.Status == PaymentStatus.Confirmed)
            .OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id).Take(MaxRows)
            .Select(p => new PortalReceiptView(p.Number, p.Amount, p.ReceivedAt, p.Method, p.Allocations.OrderBy(a => a.Id).Select(a => a.Invoice!.Number).ToList()))
            .ToListAsync(cancellationToken);
        var notes = await db.CreditNotes.AsNoTracking().Where(n => n.CustomerId == caller.CustomerId)
            .OrderByDescending(n => n.CreatedAt).Take(MaxRows)
            .Select(n => new PortalCreditNoteView(n.Number, n.Invoice!.Number, n.Amount, n.Reason, n.CreatedAt))
            .ToListAsync(cancellationToken);
        var credit = await db.Customers.AsNoTracking().Where(c => c.Id == caller.CustomerId).Select(c => c.CreditBalance).SingleAsync(cancellationToken);
        return new PortalBillsView(invoices, receipts, notes, credit);
    }

    public async Task<PortalInvoiceView?> InvoiceAsync(SelfServiceCaller caller, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await OwnInvoice(db, caller, number)
            .Select(i => new PortalInvoiceView(i.Number, i.Period, i.DueDate, i.Total, i.AmountPaid, i.CreditedAmount, i.Total - i.AmountPaid - i.CreditedAmount, i.Status))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<BillingPdf?> InvoicePdfAsync(SelfServiceCaller caller, string number, CancellationToken cancellationToken = default)
    {
        int? id;
        await using (var db = await dbs.CreateAsync(cancellationToken))
            id = await OwnInvoice(db, caller, number)
                .Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await documents.InvoicePdfAsync(id.Value, cancellationToken);
    }

    /// <summary>The caller's invoice with this number, as printed or in its file-name form (dashes for slashes).</summary>
    internal static IQueryable<Invoice> OwnInvoice(IIspDb db, SelfServiceCaller caller, string key) =>
        db.Invoices.AsNoTracking().Where(i => i.CustomerId == caller.CustomerId && (i.Number == key || i.Number.Replace("/", "-") == key));

    public async Task<BillingPdf?> ReceiptPdfAsync(SelfServiceCaller caller, string paymentNumber, CancellationToken cancellationToken = default)
    {
        long? id;
        await using (var db = await dbs.CreateAsync(cancellationToken))
            id = await db.Payments.AsNoTracking().Where(p => p.CustomerId == caller.CustomerId && (p.Number == paymentNumber || p.Number.Replace("/", "-") == paymentNumber))
                .Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await documents.ReceiptPdfAsync(id.Value, cancellationToken);
    }
}
