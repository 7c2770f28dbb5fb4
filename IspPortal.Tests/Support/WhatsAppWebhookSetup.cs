using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

public static class WhatsAppWebhookSetup
{
    /// <summary>Settings that send WhatsApp through the Cloud API stand-in (and check webhooks with <paramref name="appSecret"/>).</summary>
    public static NotificationSettings CloudApiStandIn(ISecretProtector protector, IspPortal.Infrastructure.StandIns.WhatsAppCloud.WhatsAppCloudStandIn standIn, string token, string? appSecret = null) => new()
    {
        WhatsAppProvider = WhatsAppProvider.CloudApi,
        CloudApiBaseUrl = standIn.BaseAddress.ToString(),
        CloudApiPhoneNumberId = "1234567890",
        CloudApiAccessTokenEncrypted = protector.Protect(SecretKind.NotificationCredential, token),
        CloudApiAppSecretEncrypted = appSecret is null ? null : protector.Protect(SecretKind.NotificationCredential, appSecret),
    };

    /// <summary>Stores the Cloud API app secret (and the handshake's verify token) the portal checks webhook deliveries with.</summary>
    public static async Task UseWhatsAppWebhookAsync(this PortalFactory portal, string appSecret, string? verifyToken = null)
    {
        var protector = portal.Services.GetRequiredService<ISecretProtector>();
        await using var scope = portal.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new NotificationSettings
        {
            CloudApiAppSecretEncrypted = protector.Protect(SecretKind.NotificationCredential, appSecret),
            WebhookVerifyTokenEncrypted = verifyToken is null ? null : protector.Protect(SecretKind.NotificationCredential, verifyToken),
        }, Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }
}
