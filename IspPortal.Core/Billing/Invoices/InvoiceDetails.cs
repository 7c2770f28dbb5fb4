using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Invoices;

public sealed record InvoiceLineView(int Position, InvoiceLineKind Kind, string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record InvoiceAllocationView(long PaymentId, string PaymentNumber, PaymentMethod Method, DateTimeOffset ReceivedAt, decimal Amount, DateTimeOffset AllocatedAt);

public sealed record CreditNoteView(string Number, decimal Amount, string Reason, string? CreatedBy, DateTimeOffset CreatedAt);

public sealed record InvoiceVoidView(string Reason, DateTimeOffset At, string? By);

/// <param name="OpensUntil">When the links expire (some days after the invoice was paid or voided); null while it is owed.</param>
public sealed record PayLinkView(int Version, DateTimeOffset? OpensUntil, bool Expired);

public sealed record InvoiceView(
    int Id,
    string Number,
    DateOnly Period,
    DateOnly IssueDate,
    DateOnly DueDate,
    InvoiceStatus Status,
    int CustomerId,
    string CustomerCode,
    string CustomerName,
    string CustomerPhone,
    string? CustomerAddress,
    decimal Subtotal,
    decimal DiscountAmount,
    decimal TaxRate,
    decimal TaxAmount,
    decimal Total,
    decimal AmountPaid,
    decimal CreditedAmount,
    decimal AmountDue,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    InvoiceVoidView? Void,
    IReadOnlyList<InvoiceLineView> Lines,
    IReadOnlyList<InvoiceAllocationView> Allocations,
    IReadOnlyList<CreditNoteView> CreditNotes,
    PayLinkView PayLink);

/// <summary>One invoice as Finance reads it: the customer, lines, money in (payments) and off (credit notes), and a void.</summary>
public sealed class InvoiceDetails(IIspDbFactory dbs, PortalSettings settings, TimeProvider clock)
{
    public async Task<InvoiceView?> ForAsync(int invoiceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Customer).Include(i => i.Lines)
            .SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
            return null;
        var allocations = await db.PaymentAllocations.AsNoTracking().Where(a => a.InvoiceId == invoiceId)
            .OrderBy(a => a.AllocatedAt).ThenBy(a => a.Id)
            .Select(a => new InvoiceAllocationView(a.PaymentId, a.Payment!.Number, a.Payment.Method, a.Payment.ReceivedAt, a.Amount, a.AllocatedAt))
            .ToListAsync(cancellationToken);
        var notes = await db.CreditNotes.AsNoTracking().Where(n => n.InvoiceId == invoiceId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new CreditNoteView(n.Number, n.Amount, n.Reason, db.Users.Where(u => u.Id == n.CreatedById).Select(u => u.FullName).FirstOrDefault(), n.CreatedAt))
            .ToListAsync(cancellationToken);
        var voidedBy = invoice.VoidedById is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var customer = invoice.Customer!;
        return new InvoiceView(
            invoice.Id, invoice.Number, invoice.Period, invoice.IssueDate, invoice.DueDate, invoice.Status,
            customer.Id, customer.Code, customer.FullName, customer.Phone, customer.Address,
            invoice.Subtotal, invoice.DiscountAmount, invoice.TaxRate, invoice.TaxAmount, invoice.Total, invoice.AmountPaid, invoice.CreditedAmount, invoice.AmountDue,
            invoice.CreatedAt, invoice.PaidAt,
            invoice.Status == InvoiceStatus.Void ? new InvoiceVoidView(invoice.VoidReason ?? "", invoice.VoidedAt ?? invoice.UpdatedAt, voidedBy) : null,
            [.. invoice.Lines.OrderBy(l => l.Position).Select(l => new InvoiceLineView(l.Position, l.Kind, l.Description, l.Quantity, l.UnitPrice, l.Amount))],
            allocations,
            notes,
            await PayLinkAsync(invoice, cancellationToken));
    }

    private async Task<PayLinkView> PayLinkAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var opensUntil = CustomerLinkRules.OpensUntil(invoice.SettledAt, (await settings.GetAsync<BillingSettings>(cancellationToken)).PayLinkDaysAfterSettled);
        return new PayLinkView(invoice.PayLinkVersion, opensUntil, opensUntil < clock.GetUtcNow());
    }
}
