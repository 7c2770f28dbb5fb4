namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// A payment gateway that makes charges (QRIS codes, virtual accounts, e-wallet payments) and tells us
/// when they are paid (Midtrans Core API first; Xendit and others implement the same port).
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stored in <c>payments.gateway</c>, e.g. <c>midtrans</c>.</summary>
    string Name { get; }

    /// <summary>Asks the gateway for a charge paying <paramref name="request"/>'s amount under its order id through its channel.</summary>
    /// <exception cref="PaymentGatewayException">The gateway refused, could not be reached, or does not offer the channel.</exception>
    Task<GatewayCharge> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Checks a signed notification and reads it; null when the signature does not match.</summary>
    Task<GatewayNotification?> ReadNotificationAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);

    /// <summary>The gateway's current word on an order (for reconciling a notification that never came).</summary>
    Task<GatewayNotification> GetStatusAsync(string orderId, CancellationToken cancellationToken = default);
}

/// <param name="Channel">A <see cref="PaymentChannels"/> code.</param>
/// <param name="ReturnUrl">Where an e-wallet app sends the customer back after paying; the gateway's configured page when null.</param>
public sealed record ChargeRequest(
    string OrderId, decimal Amount, string ItemName, string CustomerName, string? CustomerEmail, string? CustomerPhone, string Channel, TimeSpan ExpiresIn,
    Uri? ReturnUrl = null);

/// <summary>What the gateway made for a charge: what the customer pays with depends on the channel.</summary>
/// <param name="QrString">The EMVCo QRIS payload to draw as a QR code (QRIS, and GoPay when given).</param>
/// <param name="VaNumber">The virtual account number; for Mandiri, the bill key.</param>
/// <param name="BillerCode">Mandiri's company code.</param>
/// <param name="ActionUrl">The e-wallet's deeplink that opens its app on the payment.</param>
public sealed record GatewayCharge(
    string TransactionId, string OrderId, string Channel, string? QrString, string? VaNumber, string? BillerCode, string? ActionUrl, DateTimeOffset? ExpiresAt,
    string Status);

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
