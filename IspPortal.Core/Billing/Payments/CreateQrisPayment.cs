using System.Globalization;
using System.Text.RegularExpressions;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

/// <summary>The QRIS code to show for an invoice.</summary>
public sealed record QrisToPay(string PaymentNumber, string OrderId, decimal Amount, string QrString, DateTimeOffset? ExpiresAt);

/// <summary>
/// A QRIS code for an invoice's amount due, through the configured gateway. A code still valid for
/// the same amount is shown again instead of asking for a new one. A new attempt is saved as a pending
/// payment before the gateway is called, so its order id is on record whatever the gateway does.
/// Attempts for one invoice take turns (a second click waits, then reuses the first click's code).
/// </summary>
public sealed partial class CreateQrisPayment(
    IIspDbFactory dbs, IEnumerable<IPaymentGateway> gateways, IDocumentSequences sequences, IDatabaseLocks locks, PaymentPosting posting,
    PortalSettings settings, IspClock ispClock, TimeProvider clock, ILogger<CreateQrisPayment> logger)
{
    /// <summary>A code closer than this to its expiry is not offered again: the customer needs time to scan and pay.</summary>
    public static readonly TimeSpan MinimumTimeToPay = TimeSpan.FromMinutes(3);

    public async Task<Outcome<QrisToPay>> ExecuteAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        var configured = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        var gateway = gateways.SingleOrDefault(g => configured.IsConfigured && string.Equals(g.Name, configured.Provider.ToString(), StringComparison.OrdinalIgnoreCase));
        if (gateway is null)
            return Outcome.Refused<QrisToPay>("", "Pembayaran QRIS belum diaktifkan. Silakan bayar dengan cara lain atau hubungi kami.");

        // Held on a connection of its own for the whole attempt, gateway call included; the customer's
        // lock is only taken in the short transactions, so the gateway's notifications never wait for a charge.
        await using var turn = await dbs.CreateAsync(cancellationToken);
        await using var turnTransaction = await turn.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(turn, $"qris-invoice:{invoiceNumber}", cancellationToken);

        var prepared = await PrepareAsync(invoiceNumber, gateway.Name, configured, cancellationToken);
        if (!prepared.Succeeded || prepared.Value!.Reused is { } reused)
            return prepared.Map(p => p.Reused!);
        var attempt = prepared.Value;

        QrisCharge charge;
        try
        {
            charge = await gateway.CreateQrisAsync(new QrisChargeRequest(
                attempt.OrderId, attempt.Amount, $"Tagihan {invoiceNumber}", attempt.CustomerName, attempt.CustomerEmail, attempt.CustomerPhone,
                TimeSpan.FromMinutes(configured.QrisExpiryMinutes)), cancellationToken);
        }
        catch (PaymentGatewayException exception)
        {
            logger.LogWarning("QRIS for {Invoice} (order {OrderId}) refused by {Gateway}: {Error}", invoiceNumber, attempt.OrderId, gateway.Name, exception.Message);
            await RecordAsync(attempt, p => p.Reject(PaymentStatus.Failed, Shorten(exception.Message), null, clock.GetUtcNow()), cancellationToken);
            return Outcome.Refused<QrisToPay>("", "QRIS tidak dapat dibuat saat ini. Silakan coba lagi beberapa saat lagi.");
        }

        var payment = await RecordAsync(attempt, p =>
        {
            // A notification may have come first and linked it already; LinkGateway refuses only a different transaction.
            p.LinkGateway(gateway.Name, charge.TransactionId, attempt.OrderId, p.GatewayStatus ?? charge.Status, clock.GetUtcNow());
            p.ShowQr(charge.QrString, charge.ExpiresAt);
        }, cancellationToken);
        await turnTransaction.CommitAsync(cancellationToken);
        return Outcome.Done(new QrisToPay(payment.Number, attempt.OrderId, payment.Amount, charge.QrString, charge.ExpiresAt));
    }

    /// <summary>The pending QRIS payment of the invoice still worth showing; null when a new code is needed.</summary>
    public async Task<QrisToPay?> ShowingAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Number == invoiceNumber, cancellationToken);
        return invoice is null ? null : await ReusableAsync(db, invoice, cancellationToken);
    }

    /// <summary>Midtrans order ids allow letters, digits, '-', '_', '~' and '.'.</summary>
    public static string OrderIdFor(string invoiceNumber, int attempt) =>
        $"{NotInOrderId().Replace(invoiceNumber, "-")}-{attempt.ToString(CultureInfo.InvariantCulture)}";

    private sealed record Attempt(long PaymentId, string OrderId, decimal Amount, string CustomerName, string? CustomerEmail, string? CustomerPhone, int CustomerId, QrisToPay? Reused);

    private async Task<Outcome<Attempt>> PrepareAsync(string invoiceNumber, string gatewayName, PaymentGatewaySettings configured, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var found = await db.Invoices.AsNoTracking().Where(i => i.Number == invoiceNumber).Select(i => new { i.Id, i.CustomerId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return Outcome.Refused<Attempt>("", "Tagihan tidak ditemukan.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await posting.LockCustomerAsync(db, found.CustomerId, cancellationToken);
        var invoice = await db.Invoices.Include(i => i.Customer).SingleAsync(i => i.Id == found.Id, cancellationToken);
        if (invoice.Status == InvoiceStatus.Void)
            return Outcome.Refused<Attempt>("", "Tagihan ini sudah dibatalkan dan tidak perlu dibayar.");
        if (invoice.Status == InvoiceStatus.Paid || invoice.AmountDue <= 0)
            return Outcome.Refused<Attempt>("", "Tagihan ini sudah lunas. Terima kasih.");
        if (invoice.AmountDue != decimal.Truncate(invoice.AmountDue))
            return Outcome.Refused<Attempt>("", "Jumlah tagihan tidak dalam rupiah utuh; silakan hubungi kami.");
        var customer = invoice.Customer!;
        if (await ReusableAsync(db, invoice, cancellationToken) is { } reused)
            return Outcome.Done(new Attempt(0, reused.OrderId, reused.Amount, customer.FullName, null, null, customer.Id, reused));

        var now = clock.GetUtcNow();
        var month = Invoice.FirstDayOf(await ispClock.TodayAsync(cancellationToken));
        var number = await sequences.NextNumberAsync(db, DocumentNumberFormat.PaymentKind, Payment.NumberFormat, month, cancellationToken);
        var attempts = await db.Payments.CountAsync(p => p.InvoiceId == invoice.Id && p.GatewayOrderId != null, cancellationToken);
        var orderId = OrderIdFor(invoice.Number, attempts + 1);
        var payment = new Payment(number, customer.Id, PaymentMethod.Qris, invoice.AmountDue, now, null)
        {
            InvoiceId = invoice.Id,
        };
        // Linked under the order id before the gateway answers; the transaction id comes with the charge.
        payment.LinkGateway(gatewayName, null, orderId, null, now);
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new Attempt(payment.Id, orderId, payment.Amount, customer.FullName, customer.Email, customer.Phone, customer.Id, null));
    }

    private async Task<QrisToPay?> ReusableAsync(IIspDb db, Invoice invoice, CancellationToken cancellationToken)
    {
        var showableUntil = clock.GetUtcNow() + MinimumTimeToPay;
        var amountDue = invoice.AmountDue;
        var payment = await db.Payments.AsNoTracking()
            .Where(p => p.InvoiceId == invoice.Id && p.Method == PaymentMethod.Qris && p.Status == PaymentStatus.Pending)
            .Where(p => p.Amount == amountDue && p.GatewayQrString != null && p.GatewayExpiresAt > showableUntil)
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return payment is null ? null : new QrisToPay(payment.Number, payment.GatewayOrderId!, payment.Amount, payment.GatewayQrString!, payment.GatewayExpiresAt);
    }

    /// <summary>Changes the attempt's payment under the customer's lock, as every writer of the customer's payments does.</summary>
    private async Task<Payment> RecordAsync(Attempt attempt, Action<Payment> change, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await posting.LockCustomerAsync(db, attempt.CustomerId, cancellationToken);
        var payment = await db.Payments.SingleAsync(p => p.Id == attempt.PaymentId, cancellationToken);
        // The gateway's notification may have settled or ended it meanwhile: that word stands.
        if (payment.Status == PaymentStatus.Pending)
        {
            change(payment);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return payment;
    }

    private static string Shorten(string text) => text.Length > Payment.ReasonMaxLength ? text[..Payment.ReasonMaxLength] : text;

    [GeneratedRegex("[^A-Za-z0-9_~.-]")]
    private static partial Regex NotInOrderId();
}
