using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.Payments;

/// <summary>The QRIS code to show for an invoice.</summary>
public sealed record QrisToPay(string PaymentNumber, string OrderId, decimal Amount, string QrString, DateTimeOffset? ExpiresAt);

/// <summary>A QRIS code for an invoice's amount due: <see cref="CreateGatewayPayment"/> by the QRIS channel, for the pay page.</summary>
public sealed class CreateQrisPayment(CreateGatewayPayment payments)
{
    public async Task<Outcome<QrisToPay>> ExecuteAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        (await payments.ExecuteAsync(invoiceNumber, PaymentChannels.Qris, cancellationToken: cancellationToken)).Map(ToQris);

    /// <summary>The pending QRIS payment of the invoice still worth showing; null when a new code is needed.</summary>
    public async Task<QrisToPay?> ShowingAsync(string invoiceNumber, CancellationToken cancellationToken = default) =>
        (await payments.ShowingAsync(invoiceNumber, cancellationToken)).Where(p => p.Channel == PaymentChannels.Qris).Select(ToQris).FirstOrDefault();

    public static string OrderIdFor(string invoiceNumber, int attempt) => CreateGatewayPayment.OrderIdFor(invoiceNumber, attempt);

    private static QrisToPay ToQris(GatewayPaymentToPay payment) => new(payment.PaymentNumber, payment.OrderId, payment.Amount, payment.QrString!, payment.ExpiresAt);
}
