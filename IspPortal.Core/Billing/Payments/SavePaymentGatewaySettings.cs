using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// Saves the payment gateway settings. The server key arrives as typed and is stored only encrypted;
/// a blank key keeps the stored one, since the form never shows it back.
/// </summary>
public sealed class SavePaymentGatewaySettings(PortalSettings settings, ISecretProtector secrets)
{
    public Task<Outcome<PaymentGatewaySettings>> ExecuteAsync(PaymentGatewaySettings changes, string? newServerKey, Actor actor, CancellationToken cancellationToken = default) =>
        settings.SaveAsync(changes with
        {
            MidtransServerKeyEncrypted = secrets.ProtectOrKeep(SecretKind.PaymentGatewayCredential, newServerKey, changes.MidtransServerKeyEncrypted),
        }, actor, cancellationToken);
}
