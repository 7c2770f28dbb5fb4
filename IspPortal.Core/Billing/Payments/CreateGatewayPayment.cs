using System.Globalization;
using System.Text.RegularExpressions;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

/// <summary>What the customer pays an invoice with through the gateway: what is set depends on the channel.</summary>
/// <param name="Channel">A <see cref="PaymentChannels"/> code.</param>
/// <param name="QrString">QRIS (and GoPay, when the gateway gives one): the payload to draw as a QR code.</param>
/// <param name="VaNumber">Virtual accounts: the number to transfer to; Mandiri: the bill key.</param>
/// <param name="BillerCode">Mandiri: the company code, entered before the bill key.</param>
/// <param name="ActionUrl">E-wallets: the link that opens the app on this payment.</param>
[FeatureApi]
public sealed record GatewayPaymentToPay(
    string PaymentNumber, string OrderId, string Channel, decimal Amount, string? QrString, string? VaNumber, string? BillerCode, string? ActionUrl,
    DateTimeOffset? ExpiresAt);

/// <summary>
/// A charge for an invoice's amount due through the configured gateway, by the channel the customer
/// chose (<see cref="PaymentChannels"/>). A charge of the same channel still valid for the same amount
/// is shown again instead of asking for a new one. A new attempt is saved as a pending payment before
/// the gateway is called, so its order id is on record whatever the gateway does; a refusal leaves it
/// Failed. Attempts for one invoice take turns (a second click waits, then reuses the first click's charge).
/// </summary>
[FeatureApi]
public sealed partial class CreateGatewayPayment(
    IIspDbFactory dbs, IEnumerable<IPaymentGateway> gateways, IDocumentSequences sequences, IDatabaseLocks locks, PaymentPosting posting,
    PortalSettings settings, IspClock ispClock, TimeProvider clock, ILogger<CreateGatewayPayment> logger)
{
    /// <summary>A charge closer than this to its expiry is not offered again: the customer needs time to pay.</summary>
    public static readonly TimeSpan MinimumTimeToPay = TimeSpan.FromMinutes(3);

    /// <param name="channelCode">A <see cref="PaymentChannels"/> code, e.g. <c>va_bca</c>.</param>
    /// <param name="returnUrl">Where an e-wallet app sends the customer back after paying.</param>
    public async Task<Outcome<GatewayPaymentToPay>> ExecuteAsync(string invoiceNumber, string channelCode, Uri? returnUrl = null, CancellationToken cancellationToken = default)
    {
        if (PaymentChannels.Find(channelCode) is not { } channel)
            return Outcome.Refused<GatewayPaymentToPay>("", PaymentChannels.UnknownChannelMessage(channelCode));
        var configured = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        var gateway = gateways.SingleOrDefault(g => configured.IsConfigured && string.Equals(g.Name, configured.Provider.ToString(), StringComparison.OrdinalIgnoreCase));
        if (gateway is null)
            return Outcome.Refused<GatewayPaymentToPay>("", $"Pembayaran {channel.Label} belum diaktifkan. Silakan bayar dengan cara lain atau hubungi kami.");

        // Held on a connection of its own for the whole attempt, gateway call included; the customer's
        // lock is only taken in the short transactions, so the gateway's notifications never wait for a charge.
        await using var turn = await dbs.CreateAsync(cancellationToken);
        await using var turnTransaction = await turn.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(turn, $"gateway-invoice:{invoiceNumber}", cancellationToken);

        var prepared = await PrepareAsync(invoiceNumber, channel, gateway.Name, cancellationToken);
        if (!prepared.Succeeded || prepared.Value!.Reused is { } reused)
            return prepared.Map(p => p.Reused!);
        var attempt = prepared.Value;

        GatewayCharge charge;
        try
        {
            charge = await gateway.CreateChargeAsync(new ChargeRequest(
                attempt.OrderId, attempt.Amount, $"Tagihan {invoiceNumber}", attempt.CustomerName, attempt.CustomerEmail, attempt.CustomerPhone,
                channel.Code, ExpiryOf(channel, configured), returnUrl), cancellationToken);
        }
        catch (PaymentGatewayException exception)
        {
            logger.LogWarning("{Channel} for {Invoice} (order {OrderId}) refused by {Gateway}: {Error}", channel.Code, invoiceNumber, attempt.OrderId, gateway.Name, exception.Message);
            await RecordAsync(attempt, p => p.Reject(PaymentStatus.Failed, Shorten(exception.Message), null, clock.GetUtcNow()), cancellationToken);
            return Outcome.Refused<GatewayPaymentToPay>("", $"Pembayaran {channel.Label} tidak dapat dibuat saat ini. Silakan coba lagi beberapa saat lagi.");
        }

        var payment = await RecordAsync(attempt, p =>
        {
            // A notification may have come first and linked it already; LinkGateway refuses only a different transaction.
            p.LinkGateway(gateway.Name, charge.TransactionId, attempt.OrderId, p.GatewayStatus ?? charge.Status, clock.GetUtcNow());
            p.ShowCharge(charge.QrString, charge.VaNumber, charge.BillerCode, charge.ActionUrl, charge.ExpiresAt);
        }, cancellationToken);
        await turnTransaction.CommitAsync(cancellationToken);
        return Outcome.Done(new GatewayPaymentToPay(payment.Number, attempt.OrderId, channel.Code, payment.Amount,
            charge.QrString, charge.VaNumber, charge.BillerCode, charge.ActionUrl, charge.ExpiresAt));
    }

    /// <summary>The invoice's pending charges still worth showing, the newest of each channel first; empty when a new one is needed.</summary>
    public async Task<IReadOnlyList<GatewayPaymentToPay>> ShowingAsync(string invoiceNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Number == invoiceNumber, cancellationToken);
        return invoice is null ? [] : await ShowableAsync(db, invoice, null, cancellationToken);
    }

    /// <summary>Midtrans order ids allow letters, digits, '-', '_', '~' and '.'.</summary>
    public static string OrderIdFor(string invoiceNumber, int attempt) =>
        $"{NotInOrderId().Replace(invoiceNumber, "-")}-{attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>QRIS and e-wallet codes live as long as the settings say; a virtual account a day.</summary>
    public static TimeSpan ExpiryOf(PaymentChannel channel, PaymentGatewaySettings configured) =>
        channel.Method == PaymentMethod.VirtualAccount ? PaymentChannels.VirtualAccountExpiry : TimeSpan.FromMinutes(configured.QrisExpiryMinutes);

    private sealed record Attempt(long PaymentId, string OrderId, decimal Amount, string CustomerName, string? CustomerEmail, string? CustomerPhone, int CustomerId, GatewayPaymentToPay? Reused);

    private async Task<Outcome<Attempt>> PrepareAsync(string invoiceNumber, PaymentChannel channel, string gatewayName, CancellationToken cancellationToken)
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
        if (await ShowableAsync(db, invoice, channel.Code, cancellationToken) is [var reused, ..])
            return Outcome.Done(new Attempt(0, reused.OrderId, reused.Amount, customer.FullName, null, null, customer.Id, reused));

        var now = clock.GetUtcNow();
        var month = Invoice.FirstDayOf(await ispClock.TodayAsync(cancellationToken));
        var number = await sequences.NextNumberAsync(db, DocumentNumberFormat.PaymentKind, Payment.NumberFormat, month, cancellationToken);
        var attempts = await db.Payments.CountAsync(p => p.InvoiceId == invoice.Id && p.GatewayOrderId != null, cancellationToken);
        var orderId = OrderIdFor(invoice.Number, attempts + 1);
        var payment = new Payment(number, customer.Id, channel.Method, invoice.AmountDue, now, null)
        {
            InvoiceId = invoice.Id,
        };
        payment.UseChannel(channel.Code);
        // Linked under the order id before the gateway answers; the transaction id comes with the charge.
        payment.LinkGateway(gatewayName, null, orderId, null, now);
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new Attempt(payment.Id, orderId, payment.Amount, customer.FullName, customer.Email, customer.Phone, customer.Id, null));
    }

    /// <param name="channelCode">Only this channel's; every channel's when null.</param>
    private async Task<IReadOnlyList<GatewayPaymentToPay>> ShowableAsync(IIspDb db, Invoice invoice, string? channelCode, CancellationToken cancellationToken)
    {
        var showableUntil = clock.GetUtcNow() + MinimumTimeToPay;
        var amountDue = invoice.AmountDue;
        // Only a shown charge has an expiry: an attempt still waiting for the gateway's answer has none.
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Pending && p.GatewayChannel != null && p.GatewayOrderId != null)
            .Where(p => channelCode == null || p.GatewayChannel == channelCode)
            .Where(p => p.Amount == amountDue && p.GatewayExpiresAt > showableUntil)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. payments.DistinctBy(p => p.GatewayChannel).Select(ToPay)];
    }

    private static GatewayPaymentToPay ToPay(Payment payment) =>
        new(payment.Number, payment.GatewayOrderId!, payment.GatewayChannel!, payment.Amount, payment.GatewayQrString, payment.GatewayVaNumber, payment.GatewayBillerCode,
            payment.GatewayActionUrl, payment.GatewayExpiresAt);

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
