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
            CloudApiAccessTokenEncrypted = Keep(newSecrets.CloudApiAccessToken, changes.CloudApiAccessTokenEncrypted),
            CloudApiAppSecretEncrypted = Keep(newSecrets.CloudApiAppSecret, changes.CloudApiAppSecretEncrypted),
            WebhookVerifyTokenEncrypted = Keep(newSecrets.WebhookVerifyToken, changes.WebhookVerifyTokenEncrypted),
            GatewayTokenEncrypted = Keep(newSecrets.GatewayToken, changes.GatewayTokenEncrypted),
            SmtpPasswordEncrypted = Keep(newSecrets.SmtpPassword, changes.SmtpPasswordEncrypted),
        }, actor, cancellationToken);

    private string? Keep(string? typed, string? stored) => secrets.ProtectOrKeep(SecretKind.NotificationCredential, typed, stored);
}
