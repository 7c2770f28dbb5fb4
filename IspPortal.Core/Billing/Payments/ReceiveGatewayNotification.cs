using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

public enum NotificationVerdict
{
    /// <summary>Paid: the payment is confirmed, posted and its receipt queued.</summary>
    Confirmed,
    /// <summary>Expired or failed: the pending payment is closed.</summary>
    Closed,
    /// <summary>Nothing to change: a repeat, a pending status, or news about a payment already settled.</summary>
    Unchanged,
    /// <summary>No gateway of that name, no key, or a signature that does not match: nothing is read.</summary>
    Unauthorized,
    /// <summary>Signed, but for an order this portal never made.</summary>
    UnknownOrder,
    /// <summary>Signed, but the amount or transaction is not the one we asked for: not confirmed, for Finance to look at.</summary>
    Mismatch,
    /// <summary>Signed, but the gateway's status API could not be asked: nothing is applied, the gateway resends later.</summary>
    Unverified,
}

public sealed record NotificationResult(NotificationVerdict Verdict, string? OrderId = null, string? PaymentNumber = null, string? Detail = null);

/// <summary>
/// A payment gateway's notification, trusted only as a prompt: once its signature holds, the
/// gateway's status API is asked about the order and its answer is what is applied, so a replayed or
/// forged notification (a leaked server key) settles nothing the gateway does not confirm. Paid
/// confirms the payment, posts it to the customer's invoices and queues the receipt in one
/// transaction under the customer's lock, then brings an isolated customer back online. Gateways
/// resend and two deliveries can race: the payment is re-read under the lock, so the second finds it
/// confirmed and changes nothing. Money the gateway took is confirmed even after we gave up on the code.
/// </summary>
public sealed class ReceiveGatewayNotification(
    IIspDbFactory dbs, IEnumerable<IPaymentGateway> gateways, PaymentPosting posting, ArrearsReactivation reactivation, PaymentFeed feed, TimeProvider clock,
    ILogger<ReceiveGatewayNotification> logger)
{
    public async Task<NotificationResult> ExecuteAsync(string gatewayName, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var gateway = gateways.SingleOrDefault(g => g.Name == gatewayName);
        if (gateway is null || await gateway.ReadNotificationAsync(body, cancellationToken) is not { } notification)
            return new NotificationResult(NotificationVerdict.Unauthorized);

        int customerId;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            var owner = await db.Payments.AsNoTracking()
                .Where(p => p.Gateway == gateway.Name && p.GatewayOrderId == notification.OrderId)
                .Select(p => (int?)p.CustomerId).SingleOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                logger.LogWarning("{Gateway} notification for unknown order {OrderId} ({Status})", gateway.Name, notification.OrderId, notification.GatewayStatus);
                return new NotificationResult(NotificationVerdict.UnknownOrder, notification.OrderId, Detail: $"Order {notification.OrderId} tidak dikenal.");
            }
            customerId = owner.Value;
        }

        GatewayNotification confirmed;
        try
        {
            confirmed = await gateway.GetStatusAsync(notification.OrderId, cancellationToken);
        }
        catch (PaymentGatewayException exception)
        {
            logger.LogWarning("{Gateway} notification for order {OrderId} ({Status}) not applied: its status could not be confirmed: {Error}",
                gateway.Name, notification.OrderId, notification.GatewayStatus, exception.Message);
            return new NotificationResult(NotificationVerdict.Unverified, notification.OrderId, Detail: $"Status order {notification.OrderId} belum bisa dipastikan ke {gateway.Name}.");
        }
        if (confirmed.OrderId != notification.OrderId)
        {
            logger.LogError("{Gateway} status for order {OrderId} answered for order {Answered}: not applied", gateway.Name, notification.OrderId, confirmed.OrderId);
            return new NotificationResult(NotificationVerdict.Unverified, notification.OrderId, Detail: $"Status order {notification.OrderId} belum bisa dipastikan ke {gateway.Name}.");
        }
        if (confirmed.State != notification.State || confirmed.GrossAmount != notification.GrossAmount)
            logger.LogWarning("{Gateway} notified {Status} {Gross} for order {OrderId}, but its status API says {Confirmed} {ConfirmedGross}: the status API is applied",
                gateway.Name, notification.GatewayStatus, notification.GrossAmount, notification.OrderId, confirmed.GatewayStatus, confirmed.GrossAmount);

        var result = await ApplyAsync(gateway.Name, confirmed, customerId, cancellationToken);
        if (result.Verdict == NotificationVerdict.Confirmed)
            await ConfirmedAsync(customerId, cancellationToken);
        return result;
    }

    /// <summary>
    /// Applies what the gateway said when asked (<see cref="IPaymentGateway.GetStatusAsync"/>) rather than
    /// told: a notification that never arrived must not leave money taken and the customer isolated.
    /// </summary>
    public async Task<NotificationResult> ApplyStatusAsync(string gatewayName, GatewayNotification status, int customerId, CancellationToken cancellationToken = default)
    {
        var result = await ApplyAsync(gatewayName, status, customerId, cancellationToken);
        if (result.Verdict == NotificationVerdict.Confirmed)
            await ConfirmedAsync(customerId, cancellationToken);
        return result;
    }

    private async Task<NotificationResult> ApplyAsync(string gatewayName, GatewayNotification notification, int customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await posting.LockCustomerAsync(db, customerId, cancellationToken);
        var payment = await db.Payments.SingleAsync(p => p.Gateway == gatewayName && p.GatewayOrderId == notification.OrderId, cancellationToken);
        var now = clock.GetUtcNow();
        NotificationResult Result(NotificationVerdict verdict, string? detail = null) => new(verdict, notification.OrderId, payment.Number, detail);

        if (payment.GatewayTransactionId is { } known && notification.TransactionId.Length > 0 && known != notification.TransactionId)
        {
            logger.LogError("{Gateway} order {OrderId} reports transaction {Reported}, but payment {Payment} belongs to {Known}: not applied",
                gatewayName, notification.OrderId, notification.TransactionId, payment.Number, known);
            return Result(NotificationVerdict.Mismatch, $"Transaksi {notification.TransactionId} bukan transaksi pembayaran {payment.Number}.");
        }

        if (payment.Status == PaymentStatus.Confirmed)
        {
            if (notification.State != GatewayPaymentState.Paid)
                logger.LogWarning("{Gateway} reports {Status} for confirmed payment {Payment} (order {OrderId}): Finance must review it",
                    gatewayName, notification.GatewayStatus, payment.Number, notification.OrderId);
            return Result(NotificationVerdict.Unchanged);
        }

        switch (notification.State)
        {
            case GatewayPaymentState.Paid:
                if (notification.GrossAmount != payment.Amount)
                {
                    logger.LogError("{Gateway} settled order {OrderId} for {Gross}, but payment {Payment} is for {Amount}: not confirmed",
                        gatewayName, notification.OrderId, notification.GrossAmount, payment.Number, payment.Amount);
                    return Result(NotificationVerdict.Mismatch, $"Jumlah {notification.GrossAmount} tidak sama dengan pembayaran {payment.Amount}.");
                }
                payment.LinkGateway(gatewayName, NullIfEmpty(notification.TransactionId), notification.OrderId, notification.GatewayStatus, now);
                var paidAt = notification.PaidAt ?? now;
                if (payment.Status == PaymentStatus.Pending)
                    payment.Confirm(null, paidAt, notification.GatewayStatus);
                else
                {
                    logger.LogWarning("{Gateway} settled order {OrderId} after payment {Payment} was {Status} here: confirmed, the money was taken",
                        gatewayName, notification.OrderId, payment.Number, payment.Status);
                    payment.ConfirmLateSettlement(paidAt, notification.GatewayStatus);
                }
                await db.SaveChangesAsync(cancellationToken);
                var posted = await posting.PostWithReceiptAsync(db, payment, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("{Gateway} payment {Payment} confirmed (order {OrderId}, {Amount}); allocated {Allocated}, credit {Credit}",
                    gatewayName, payment.Number, notification.OrderId, payment.Amount, posted.Allocated, posted.Credit);
                return Result(NotificationVerdict.Confirmed);

            case GatewayPaymentState.Expired or GatewayPaymentState.Failed when payment.Status == PaymentStatus.Pending:
                payment.LinkGateway(gatewayName, NullIfEmpty(notification.TransactionId), notification.OrderId, notification.GatewayStatus, now);
                payment.Reject(notification.State == GatewayPaymentState.Expired ? PaymentStatus.Expired : PaymentStatus.Failed,
                    notification.State == GatewayPaymentState.Expired ? "Batas waktu pembayaran habis sebelum dibayar." : $"Pembayaran gagal di {gatewayName} ({notification.GatewayStatus}).",
                    null, now, notification.GatewayStatus);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Result(NotificationVerdict.Closed);

            default:
                return Result(NotificationVerdict.Unchanged);
        }
    }

    private async Task ConfirmedAsync(int customerId, CancellationToken cancellationToken)
    {
        feed.Publish(new PaymentsChanged(customerId, clock.GetUtcNow()));
        await ReactivateAsync(customerId, cancellationToken);
    }

    /// <summary>The payment is committed whatever the router says: a reactivation that fails here is logged, and a run of ArrearsReactivation for every customer picks it up.</summary>
    private async Task ReactivateAsync(int customerId, CancellationToken cancellationToken)
    {
        try
        {
            await reactivation.ExecuteAsync(customerId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Reactivating customer {CustomerId} after a gateway payment failed", customerId);
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
