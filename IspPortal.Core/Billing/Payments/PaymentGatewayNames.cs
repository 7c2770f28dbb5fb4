namespace IspPortal.Core.Billing.Payments;

/// <summary>The <see cref="IPaymentGateway.Name"/> of each gateway the portal speaks to, as stored on payments.</summary>
public static class PaymentGatewayNames
{
    public const string Midtrans = "midtrans";
}
