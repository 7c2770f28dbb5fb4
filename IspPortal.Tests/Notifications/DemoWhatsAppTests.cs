using System.Text.Json;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.Demo;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>The demo's WhatsApp: settings point at the stand-in, and a sent message comes back delivered and read through the signed webhook.</summary>
public sealed class DemoWhatsAppTests(WhatsAppDemoPortalFactory portal) : IClassFixture<WhatsAppDemoPortalFactory>
{
    [Fact]
    public async Task A_message_the_demo_sends_is_reported_delivered_then_read_over_the_webhook()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<PortalSettings>().GetAsync<NotificationSettings>();
        Assert.Equal((WhatsAppProvider.CloudApi, DemoWhatsApp.DemoPhoneNumberId), (settings.WhatsAppProvider, settings.CloudApiPhoneNumberId));
        Assert.StartsWith("http://127.0.0.1:", settings.CloudApiBaseUrl, StringComparison.Ordinal);
        long id;
        await using (var db = portal.Database.CreateDbContext())
        {
            var message = new OutboxMessage("demo-wa:1", NotificationChannel.WhatsApp, "+6281299990001", NotificationEvents.Reactivation.Key,
                JsonSerializer.Serialize(new { nama = "Demo", kode_pelanggan = "KCB-CKP010225-001" }), DateTimeOffset.UtcNow);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var summary = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();

        Assert.Equal(1, summary.Sent);
        var status = await WaitForAsync(id, s => s == OutboxStatus.Read, TimeSpan.FromSeconds(30));
        Assert.Equal(OutboxStatus.Read, status);
        await using var after = portal.Database.CreateDbContext();
        var logged = (await after.NotificationLogs.Where(l => l.OutboxMessageId == id).Select(l => l.Status).ToListAsync()).Order().ToList();
        Assert.Equal([NotificationLogStatus.Sent, NotificationLogStatus.Delivered, NotificationLogStatus.Read], logged);
    }

    private async Task<OutboxStatus> WaitForAsync(long id, Func<OutboxStatus, bool> condition, TimeSpan timeout)
    {
        await Eventually.TrueAsync(async () => condition(await StatusAsync(id)), timeout, $"Outbox message {id} did not reach the expected status.");
        return await StatusAsync(id);
    }

    private async Task<OutboxStatus> StatusAsync(long id)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync();
    }
}
