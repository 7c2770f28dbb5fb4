using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <param name="PayLinkVersion">For the pay link staff copy (<see cref="IPaymentLinks.For"/>).</param>
public sealed record BillingInvoiceView(int Id, string Number, DateOnly Period, DateOnly DueDate, decimal Total, decimal Paid, decimal Credited, decimal Due, InvoiceStatus Status,
    int PayLinkVersion = 0)
{
    public bool Owing => Arrears.Owing.Contains(Status) && Due > 0;
}

public sealed record AllocationView(string InvoiceNumber, decimal Amount);

public sealed record BillingPaymentView(
    long Id, string Number, PaymentMethod Method, decimal Amount, PaymentStatus Status, DateTimeOffset ReceivedAt,
    string? Reference, string? ProofName, string? RejectionReason, IReadOnlyList<AllocationView> Allocations);

public sealed record WaitingChargeView(long Id, InvoiceLineKind Kind, string Description, decimal Amount, DateTimeOffset CreatedAt);

/// <param name="Until">Last exempt day; null for no end.</param>
/// <param name="InForce">Exempt today; an exemption whose day has passed is shown but no longer protects.</param>
public sealed record ExemptionView(DateOnly? Until, string? Reason, bool InForce);

public enum BillingEventKind
{
    InvoiceIssued,
    InvoiceVoided,
    PaymentRecorded,
    PaymentConfirmed,
    PaymentRejected,
    PaymentClosed,
    CreditNote,
    ReminderQueued,
    Isolated,
    Reactivated,
}

/// <param name="Document">The invoice, payment or credit note number the event is about.</param>
/// <param name="Detail">A reason, a reminder's day (H-3, H+7), the channels it went on.</param>
public sealed record BillingEvent(DateTimeOffset At, BillingEventKind Kind, string? Document, decimal? Amount, string? Detail);

/// <param name="Outstanding">Still owed on every open invoice.</param>
/// <param name="Overdue">The part of <paramref name="Outstanding"/> past its due date.</param>
/// <param name="Exemption">Null when the customer is not exempt from isolation.</param>
public sealed record CustomerBillingView(
    int CustomerId, string Code, string FullName, CustomerStatus Status, decimal CreditBalance, decimal Outstanding, decimal Overdue,
    IReadOnlyList<BillingInvoiceView> Invoices, IReadOnlyList<BillingPaymentView> Payments, IReadOnlyList<WaitingChargeView> WaitingCharges,
    ExemptionView? Exemption, IReadOnlyList<BillingEvent> Timeline)
{
    /// <summary>Open invoices in the order a payment pays them (<see cref="PaymentPosting"/>: oldest period first).</summary>
    public IReadOnlyList<BillingInvoiceView> OwingInvoices => [.. Invoices.Where(i => i.Owing).OrderBy(i => i.Period).ThenBy(i => i.DueDate).ThenBy(i => i.Id)];

    /// <summary>What <paramref name="amount"/> would pay, oldest invoice first, and what would be left as credit.</summary>
    public (IReadOnlyList<AllocationView> Paid, decimal Credit) Preview(decimal amount)
    {
        var paid = new List<AllocationView>();
        var left = Math.Max(amount, 0m);
        foreach (var invoice in OwingInvoices)
        {
            if (left <= 0)
                break;
            var share = Math.Min(left, invoice.Due);
            paid.Add(new AllocationView(invoice.Number, share));
            left -= share;
        }
        return (paid, left);
    }
}

/// <summary>
/// A customer's billing on one screen: invoices, payments with what they paid, credit, what is owed,
/// one-off charges waiting for the next invoice, the isolation exemption, and the billing timeline.
/// The timeline lives here rather than in the customer's status timeline because only roles with
/// <c>billing.read</c> may see money (a technician or the NOC reads the customer, not their bills).
/// </summary>
public sealed class CustomerBilling(IIspDbFactory dbs, IspClock ispClock)
{
    public const int TimelineLength = 200;
    private const string ReminderPrefix = "invoice-reminder:";

    public async Task<CustomerBillingView?> ForAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == customerCode.Trim(), cancellationToken);
        if (customer is null)
            return null;
        var today = await ispClock.TodayAsync(cancellationToken);

        var invoiceRows = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == customer.Id)
            .OrderByDescending(i => i.Period).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        var invoices = invoiceRows
            .Select(i => new BillingInvoiceView(i.Id, i.Number, i.Period, i.DueDate, i.Total, i.AmountPaid, i.CreditedAmount, i.AmountDue, i.Status, i.PayLinkVersion))
            .ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => p.CustomerId == customer.Id)
            .OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id)
            .Select(p => new BillingPaymentView(p.Id, p.Number, p.Method, p.Amount, p.Status, p.ReceivedAt, p.Reference, p.ProofPath, p.RejectionReason,
                p.Allocations.OrderBy(a => a.Id).Select(a => new AllocationView(a.Invoice!.Number, a.Amount)).ToList()))
            .ToListAsync(cancellationToken);
        var charges = await db.BillingCharges.AsNoTracking().Where(c => c.CustomerId == customer.Id && c.InvoiceId == null).OrderBy(c => c.Id)
            .Select(c => new WaitingChargeView(c.Id, c.Kind, c.Description, c.Amount, c.CreatedAt))
            .ToListAsync(cancellationToken);

        var owing = invoices.Where(i => i.Owing).ToList();
        var exemption = customer.IsolationExempt
            ? new ExemptionView(customer.IsolationExemptUntil, customer.IsolationExemptReason, customer.IsExemptFromIsolation(today))
            : null;
        return new CustomerBillingView(customer.Id, customer.Code, customer.FullName, customer.Status, customer.CreditBalance,
            owing.Sum(i => i.Due), owing.Where(i => i.DueDate < today).Sum(i => i.Due),
            invoices, payments, charges, exemption, await TimelineAsync(db, customer.Id, invoiceRows, cancellationToken));
    }

    private static async Task<IReadOnlyList<BillingEvent>> TimelineAsync(IIspDb db, int customerId, List<Invoice> invoices, CancellationToken cancellationToken)
    {
        var events = new List<BillingEvent>();
        foreach (var invoice in invoices)
        {
            events.Add(new BillingEvent(invoice.CreatedAt, BillingEventKind.InvoiceIssued, invoice.Number, invoice.Total, null));
            if (invoice.VoidedAt is { } voided)
                events.Add(new BillingEvent(voided, BillingEventKind.InvoiceVoided, invoice.Number, invoice.Total, invoice.VoidReason));
        }

        var payments = await db.Payments.AsNoTracking().Where(p => p.CustomerId == customerId)
            .Select(p => new { p.Number, p.Method, p.Amount, p.Status, p.CreatedAt, p.ConfirmedAt, p.UpdatedAt, p.RejectionReason })
            .ToListAsync(cancellationToken);
        foreach (var p in payments)
        {
            var method = BillingNotices.MethodLabel(p.Method);
            if (p.Method == PaymentMethod.BankTransfer)
                events.Add(new BillingEvent(p.CreatedAt, BillingEventKind.PaymentRecorded, p.Number, p.Amount, method));
            if (p.Status == PaymentStatus.Confirmed)
                events.Add(new BillingEvent(p.ConfirmedAt ?? p.UpdatedAt, BillingEventKind.PaymentConfirmed, p.Number, p.Amount, method));
            else if (p.Status == PaymentStatus.Rejected)
                events.Add(new BillingEvent(p.UpdatedAt, BillingEventKind.PaymentRejected, p.Number, p.Amount, p.RejectionReason));
            else if (p.Status is PaymentStatus.Failed or PaymentStatus.Expired)
                events.Add(new BillingEvent(p.UpdatedAt, BillingEventKind.PaymentClosed, p.Number, p.Amount, p.RejectionReason));
        }

        events.AddRange(await db.CreditNotes.AsNoTracking().Where(n => n.CustomerId == customerId)
            .Select(n => new BillingEvent(n.CreatedAt, BillingEventKind.CreditNote, n.Number, n.Amount, n.Invoice!.Number + " · " + n.Reason))
            .ToListAsync(cancellationToken));

        // One reminder goes out on WhatsApp and e-mail as two outbox rows: one event, both channels.
        var reminders = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CustomerId == customerId && m.IdempotencyKey.StartsWith(ReminderPrefix))
            .Select(m => new { m.IdempotencyKey, m.Channel, m.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var reminder in reminders.GroupBy(r => ReminderOccasion(r.IdempotencyKey)))
        {
            var (invoice, day) = reminder.Key;
            var channels = string.Join(", ", reminder.Select(r => r.Channel.ToString()).Distinct().Order(StringComparer.Ordinal));
            events.Add(new BillingEvent(reminder.Min(r => r.CreatedAt), BillingEventKind.ReminderQueued, invoice, null, $"H{day} · {channels}"));
        }

        events.AddRange(await db.CustomerStatusLogs.AsNoTracking()
            .Where(l => l.CustomerId == customerId && l.Kind == StatusChangeKind.Lifecycle && l.Source == StatusChangeSource.Billing
                && (l.ToValue == nameof(CustomerStatus.Isolated) || l.ToValue == nameof(CustomerStatus.Active)))
            .Select(l => new BillingEvent(l.ChangedAt, l.ToValue == nameof(CustomerStatus.Isolated) ? BillingEventKind.Isolated : BillingEventKind.Reactivated, null, null, l.Reason))
            .ToListAsync(cancellationToken));

        return [.. events.OrderByDescending(e => e.At).ThenByDescending(e => e.Kind).Take(TimelineLength)];
    }

    /// <summary><c>invoice-reminder:INV/2025/02/000123:-3:WhatsApp</c> → (INV/2025/02/000123, -3).</summary>
    private static (string Invoice, string Day) ReminderOccasion(string key)
    {
        var parts = key[ReminderPrefix.Length..].Split(':');
        return parts.Length >= 2 ? (parts[0], parts[1]) : (parts[0], "");
    }
}
