using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing;

/// <summary>
/// The billing messages for the outbox, on WhatsApp and, when the customer has an address, e-mail.
/// Each key names the document and the occasion (<c>invoice-reminder:INV/2025/02/000123:-3:WhatsApp</c>),
/// so a job that runs twice or a payment confirmed twice queues nothing twice.
/// </summary>
public static class BillingNotices
{
    public static IEnumerable<OutboxMessage> InvoiceIssued(Customer customer, Invoice invoice, string paymentLink, DateTimeOffset now) =>
        For(customer, $"invoice-issued:{invoice.Number}", NotificationEvents.InvoiceIssued, now, new()
        {
            ["nama"] = customer.FullName,
            ["kode_pelanggan"] = customer.Code,
            ["nomor_tagihan"] = invoice.Number,
            ["periode"] = invoice.Period.ToString("MMMM yyyy", Rupiah.Indonesia),
            ["total"] = Rupiah.Format(invoice.Total),
            ["jatuh_tempo"] = LongDate(invoice.DueDate),
            ["link_bayar"] = paymentLink,
        });

    /// <param name="offset">Days from the due date: negative before (H-3), positive after (H+3).</param>
    public static IEnumerable<OutboxMessage> Reminder(Customer customer, Invoice invoice, int offset, string paymentLink, DateTimeOffset now) =>
        offset < 0
            ? For(customer, $"invoice-reminder:{invoice.Number}:{offset}", NotificationEvents.InvoiceReminder, now, new()
            {
                ["nama"] = customer.FullName,
                ["nomor_tagihan"] = invoice.Number,
                ["total"] = Rupiah.Format(invoice.AmountDue),
                ["jatuh_tempo"] = LongDate(invoice.DueDate),
                ["sisa_hari"] = (-offset).ToString(CultureInfo.InvariantCulture),
                ["link_bayar"] = paymentLink,
            })
            : For(customer, $"invoice-reminder:{invoice.Number}:+{offset}", NotificationEvents.InvoiceOverdue, now, new()
            {
                ["nama"] = customer.FullName,
                ["nomor_tagihan"] = invoice.Number,
                ["total"] = Rupiah.Format(invoice.AmountDue),
                ["jatuh_tempo"] = LongDate(invoice.DueDate),
                ["hari_terlambat"] = offset.ToString(CultureInfo.InvariantCulture),
                ["link_bayar"] = paymentLink,
            });

    /// <param name="occasion">What makes this isolation unique, e.g. the invoice that caused it.</param>
    public static IEnumerable<OutboxMessage> Isolation(Customer customer, string occasion, string reason, DateTimeOffset now) =>
        For(customer, $"isolation:{customer.Code}:{occasion}", NotificationEvents.IsolationNotice, now, new()
        {
            ["nama"] = customer.FullName,
            ["kode_pelanggan"] = customer.Code,
            ["alasan"] = reason,
        });

    public static IEnumerable<OutboxMessage> Reactivation(Customer customer, string occasion, DateTimeOffset now) =>
        For(customer, $"reactivation:{customer.Code}:{occasion}", NotificationEvents.Reactivation, now, new()
        {
            ["nama"] = customer.FullName,
            ["kode_pelanggan"] = customer.Code,
        });

    /// <param name="invoiceNumbers">The invoices the payment paid; empty when it all went to credit.</param>
    public static IEnumerable<OutboxMessage> Receipt(Customer customer, Payment payment, IReadOnlyList<string> invoiceNumbers, TimeZoneInfo zone, DateTimeOffset now) =>
        For(customer, $"payment-receipt:{payment.Number}", NotificationEvents.PaymentReceipt, now, new()
        {
            ["nama"] = customer.FullName,
            ["nomor_tagihan"] = invoiceNumbers.Count > 0 ? string.Join(", ", invoiceNumbers) : "deposit (saldo)",
            ["jumlah"] = Rupiah.Format(payment.Amount),
            ["tanggal_bayar"] = DisplayFormats.InZone(payment.ReceivedAt, zone),
            ["metode"] = MethodLabel(payment.Method),
            [Documents.BillingMessageDocuments.PaymentNumber] = payment.Number,
        });

    /// <summary>Adds the messages whose keys are not in the outbox yet; returns how many it added.</summary>
    public static async Task<int> QueueNewAsync(IIspDb db, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var candidates = messages.ToList();
        var keys = candidates.Select(m => m.IdempotencyKey).ToList();
        var queued = await db.OutboxMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken);
        var added = candidates.Where(m => !queued.Contains(m.IdempotencyKey)).ToList();
        db.OutboxMessages.AddRange(added);
        return added.Count;
    }

    public static string MethodLabel(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "tunai",
        PaymentMethod.BankTransfer => "transfer bank",
        PaymentMethod.Qris => "QRIS",
        PaymentMethod.VirtualAccount => "virtual account",
        PaymentMethod.EWallet => "e-wallet",
        _ => method.ToString(),
    };

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Rupiah.Indonesia);

    private static IEnumerable<OutboxMessage> For(Customer customer, string key, NotificationEvent notification, DateTimeOffset now, Dictionary<string, string> values) =>
        OutboxMessage.ToPhoneAndEmail(key, customer.Phone, customer.Email, notification.Key, JsonSerializer.Serialize(values), now, customer.Id);
}
