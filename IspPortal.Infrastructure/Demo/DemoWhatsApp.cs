using System.Security.Cryptography;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP's WhatsApp: the Cloud API stand-in on loopback, with the notification settings
/// pointed at it (unless an admin chose a provider already), so what the portal sends shows up in
/// the Outbox as sent, then delivered and read through signed webhooks, like a real number.
/// </summary>
/// <param name="webhookPath">The portal's Cloud API webhook route, on the address Kestrel listens on.</param>
public sealed class DemoWhatsApp(
    IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, ISecretProtector secrets, ILogger<DemoWhatsApp> logger, string webhookPath)
    : IHostedService, IAsyncDisposable
{
    /// <summary>How long the demo's customers take to receive and to read a message.</summary>
    public static readonly TimeSpan DeliveredAfter = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ReadAfter = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _webhookClient = new();
    private WhatsAppCloudStandIn? _standIn;
    private string _appSecret = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        var current = await settings.GetAsync<NotificationSettings>(cancellationToken);
        var ours = current.CloudApiPhoneNumberId == DemoPhoneNumberId;
        if (current.WhatsAppProvider != WhatsAppProvider.Disabled && !ours)
        {
            logger.LogInformation("Demo WhatsApp stand-in not started: the notification settings name a provider already");
            return;
        }
        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _appSecret = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _standIn = await WhatsAppCloudStandIn.StartAsync(token, cancellationToken: cancellationToken);
        _standIn.Accepted = message => _ = ReportDeliveryAsync(message);
        var saved = await settings.SaveAsync(current with
        {
            WhatsAppProvider = WhatsAppProvider.CloudApi,
            CloudApiBaseUrl = _standIn.BaseAddress.ToString(),
            CloudApiPhoneNumberId = DemoPhoneNumberId,
            CloudApiAccessTokenEncrypted = secrets.Protect(SecretKind.NotificationCredential, token),
            CloudApiAppSecretEncrypted = secrets.Protect(SecretKind.NotificationCredential, _appSecret),
        }, Actor.System, cancellationToken);
        if (!saved.Succeeded)
            logger.LogWarning("Demo WhatsApp settings not saved: {Error}", saved.FirstError);
        else
            logger.LogInformation("Demo WhatsApp (Cloud API stand-in) at {Address}", _standIn.BaseAddress);
    }

    /// <summary>The phone number id the demo's settings carry, so a restart knows the settings are its own.</summary>
    public const string DemoPhoneNumberId = "demo-standin";

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_standIn is not null)
            await _standIn.DisposeAsync();
        _webhookClient.Dispose();
        _stopping.Dispose();
    }

    private async Task ReportDeliveryAsync(StandInMessage message)
    {
        try
        {
            var webhook = Webhook();
            if (webhook is null)
                return;
            await Task.Delay(DeliveredAfter, _stopping.Token);
            using (await WhatsAppCloudStandIn.PostStatusAsync(_webhookClient, webhook, _appSecret, message.Wamid, "delivered", message.To)) { }
            await Task.Delay(ReadAfter - DeliveredAfter, _stopping.Token);
            using (await WhatsAppCloudStandIn.PostStatusAsync(_webhookClient, webhook, _appSecret, message.Wamid, "read", message.To)) { }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            // Nobody awaits this report: a failure is logged, never thrown into the void.
            logger.LogWarning("Demo WhatsApp could not report delivery of {Wamid}: {Error}", message.Wamid, exception.Message);
        }
    }

    /// <summary>The portal's own webhook (known once the app has started and Kestrel listens).</summary>
    private Uri? Webhook() => PortalLoopback.UrlOf(server, lifetime, webhookPath);
}
