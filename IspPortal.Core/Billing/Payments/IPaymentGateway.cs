namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// A payment gateway that makes QRIS codes and tells us when they are paid (Midtrans Core API
/// first; Xendit and others implement the same port).
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stored in <c>payments.gateway</c>, e.g. <c>midtrans</c>.</summary>
    string Name { get; }

    /// <summary>Asks the gateway for a QRIS code paying <paramref name="request"/>'s amount under its order id.</summary>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<QrisCharge> CreateQrisAsync(QrisChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Checks a signed notification and reads it; null when the signature does not match.</summary>
    Task<GatewayNotification?> ReadNotificationAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);

    /// <summary>The gateway's current word on an order (for reconciling a notification that never came).</summary>
    Task<GatewayNotification> GetStatusAsync(string orderId, CancellationToken cancellationToken = default);
}

public sealed record QrisChargeRequest(string OrderId, decimal Amount, string ItemName, string CustomerName, string? CustomerEmail, string? CustomerPhone, TimeSpan ExpiresIn);

/// <param name="QrString">The EMVCo QRIS payload to draw as a QR code.</param>
public sealed record QrisCharge(string TransactionId, string OrderId, string QrString, DateTimeOffset? ExpiresAt, string Status);

/// <summary>What the gateway says about one transaction, in its own words and in ours.</summary>
public sealed record GatewayNotification(
    string Gateway, string OrderId, string TransactionId, string GatewayStatus, GatewayPaymentState State, decimal GrossAmount, DateTimeOffset? PaidAt);

public enum GatewayPaymentState
{
    Pending,
    Paid,
    Failed,
    Expired,
}

public sealed class PaymentGatewayException(string message, Exception? inner = null) : Exception(message, inner);
