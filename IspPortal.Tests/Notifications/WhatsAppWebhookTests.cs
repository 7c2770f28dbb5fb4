using System.Net;
using System.Text;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.WhatsApp;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Notifications.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>The Cloud API webhook over real HTTP: signature, statuses, inbound messages, duplicates.</summary>
public sealed class WhatsAppWebhookTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>, IAsyncLifetime
{
    private const string AppSecret = "app-secret-for-tests";
    private const string VerifyToken = "verify-me";
    private Uri Webhook => new(portal.BaseAddress, WhatsAppWebhookEndpoints.Route.TrimStart('/'));

    public Task InitializeAsync() => portal.UseWhatsAppWebhookAsync(AppSecret, VerifyToken);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        using var client = portal.CreateClient();

        using var good = await client.GetAsync(new Uri($"{Webhook}?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=1158201444"));
        using var bad = await client.GetAsync(new Uri($"{Webhook}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444"));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1158201444", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=00")]
    [InlineData("sha1=abc")]
    public async Task A_bad_or_missing_signature_is_401_and_stores_nothing(string? signature)
    {
        using var client = portal.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"6281299990000","id":"wamid.FORGED","timestamp":"1","type":"text","text":{"body":"palsu"}}]}}]}]}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhook) { Content = new ByteArrayContent(body) };
        if (signature is not null)
            request.Headers.Add("X-Hub-Signature-256", signature);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = portal.Database.CreateDbContext();
        Assert.False(await db.WhatsAppMessages.AnyAsync(m => m.ProviderMessageId == "wamid.FORGED"));
    }

    [Fact]
    public async Task An_inbound_message_is_stored_once_matched_to_the_customer_and_opens_the_service_window()
    {
        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
        using var client = portal.CreateClient();
        var published = new System.Collections.Concurrent.ConcurrentQueue<WhatsAppActivity>();
        using var subscription = portal.Services.GetRequiredService<WhatsAppFeed>().Subscribe(published.Enqueue);

        using var first = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, customer.Phone, "Pak Budi", "Internet saya mati sejak pagi", "wamid.IN-1");
        using var again = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, customer.Phone, "Pak Budi", "Internet saya mati sejak pagi", "wamid.IN-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var after = portal.Database.CreateDbContext();
        var stored = await after.WhatsAppMessages.SingleAsync(m => m.ProviderMessageId == "wamid.IN-1");
        Assert.Equal((MessageDirection.Inbound, customer.Id, "Internet saya mati sejak pagi", "Pak Budi"), (stored.Direction, stored.CustomerId, stored.Body, stored.ContactName));
        Assert.NotNull((await after.Customers.SingleAsync(c => c.Id == customer.Id)).LastInboundMessageAt);
        // Published once for the ticket chat, after it was saved (through the live bus); the repeat publishes nothing.
        await Eventually.TrueAsync(() => !published.IsEmpty);
        var received = Assert.IsType<WhatsAppMessageReceived>(Assert.Single(published));
        Assert.Equal((stored.Id, customer.Id, customer.Phone, "Internet saya mati sejak pagi"), (received.MessageId, received.CustomerId, received.Phone, received.Body));
    }

    [Fact]
    public async Task Delivery_statuses_move_the_message_forward_once_and_never_back()
    {
        long id;
        await using (var db = portal.Database.CreateDbContext())
        {
            var message = new OutboxMessage("status-test", NotificationChannel.WhatsApp, "+6281211112222", "reactivation", "{}", DateTimeOffset.UtcNow.AddMinutes(-5));
            message.Lock(DateTimeOffset.UtcNow.AddMinutes(1));
            message.MarkSent("wamid.OUT-1", DateTimeOffset.UtcNow.AddMinutes(-4));
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }
        using var client = portal.CreateClient();
        var published = new System.Collections.Concurrent.ConcurrentQueue<WhatsAppActivity>();
        using var subscription = portal.Services.GetRequiredService<WhatsAppFeed>().Subscribe(published.Enqueue);

        using var read = await WhatsAppCloudStandIn.PostStatusAsync(client, Webhook, AppSecret, "wamid.OUT-1", "read", "6281211112222");
        using var lateDelivered = await WhatsAppCloudStandIn.PostStatusAsync(client, Webhook, AppSecret, "wamid.OUT-1", "delivered", "6281211112222");
        using var readAgain = await WhatsAppCloudStandIn.PostStatusAsync(client, Webhook, AppSecret, "wamid.OUT-1", "read", "6281211112222");

        Assert.All([read, lateDelivered, readAgain], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var after = portal.Database.CreateDbContext();
        var outbox = await after.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Read, outbox.Status);
        Assert.NotNull(outbox.ReadAt);
        var logs = await after.NotificationLogs.Where(l => l.OutboxMessageId == id).Select(l => l.Status).OrderBy(s => s).ToListAsync();
        Assert.Equal([NotificationLogStatus.Delivered, NotificationLogStatus.Read], logs);
        // The late "delivered" is news (logged) but the message stays read; the repeated "read" is not published.
        await Eventually.TrueAsync(() => published.Count >= 2);
        Assert.Equal([(id, OutboxStatus.Read), (id, OutboxStatus.Read)],
            published.Cast<WhatsAppDeliveryChanged>().Select(p => (p.OutboxMessageId, p.Status)));
    }
}
