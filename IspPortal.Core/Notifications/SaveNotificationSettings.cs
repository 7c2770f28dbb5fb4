using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Notifications;

/// <summary>Secrets typed into the notification settings form; blank ones keep what is stored.</summary>
public sealed record NotificationSecrets(
    string? CloudApiAccessToken = null,
    string? CloudApiAppSecret = null,
    string? WebhookVerifyToken = null,
    string? GatewayToken = null,
    string? SmtpPassword = null);

/// <summary>
/// Saves the WhatsApp and e-mail delivery settings. Tokens and passwords arrive as typed and are
/// stored only encrypted; a blank one keeps the stored one, since the form never shows them back.
/// </summary>
public sealed class SaveNotificationSettings(PortalSettings settings, ISecretProtector secrets)
{
    public Task<Outcome<NotificationSettings>> ExecuteAsync(NotificationSettings changes, NotificationSecrets newSecrets, Actor actor, CancellationToken cancellationToken = default) =>
        settings.SaveAsync(changes with
        {
            CloudApiAccessTokenEncrypted = Protect(newSecrets.CloudApiAccessToken) ?? changes.CloudApiAccessTokenEncrypted,
            CloudApiAppSecretEncrypted = Protect(newSecrets.CloudApiAppSecret) ?? changes.CloudApiAppSecretEncrypted,
            WebhookVerifyTokenEncrypted = Protect(newSecrets.WebhookVerifyToken) ?? changes.WebhookVerifyTokenEncrypted,
            GatewayTokenEncrypted = Protect(newSecrets.GatewayToken) ?? changes.GatewayTokenEncrypted,
            SmtpPasswordEncrypted = Protect(newSecrets.SmtpPassword) ?? changes.SmtpPasswordEncrypted,
        }, actor, cancellationToken);

    private string? Protect(string? secret) =>
        string.IsNullOrWhiteSpace(secret) ? null : secrets.Protect(SecretKind.NotificationCredential, secret.Trim());
}
