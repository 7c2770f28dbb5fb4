using System.Collections.Concurrent;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.WhatsApp;
using IspPortal.Infrastructure.Live;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>Two portal instances on one database: what the WhatsApp webhook stored on one reaches the other (docs/decisions/0024).</summary>
public sealed class WhatsAppFeedAcrossInstancesTests(DatabaseFixture database) : AcrossInstancesTest(database)
{
    [Fact]
    public async Task Webhook_activity_on_one_instance_reaches_the_other_and_a_text_too_long_to_inline_travels_by_reference()
    {
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var longText = "Internet mati sejak pagi 😡 " + new string('é', 4000);
        const long messageId = 2;
        Assert.False(PostgresLiveBus.FitsNotification(new WhatsAppActivityCodec().Encode(new WhatsAppMessageReceived(messageId, null, "+6281200000001", null, longText, at)).GetRawText()),
            "too long for a notification");
        var received = new ConcurrentQueue<WhatsAppActivity>();
        using var subscription = Second.GetRequiredService<WhatsAppFeed>().Subscribe(received.Enqueue);
        var feed = First.GetRequiredService<WhatsAppFeed>();

        feed.Publish(new WhatsAppMessageReceived(1, 5, "+6281200000002", "Budi", "Halo", at));
        feed.Publish(new WhatsAppMessageReceived(messageId, null, "+6281200000001", null, longText, at));
        feed.Publish(new WhatsAppDeliveryChanged(77, 5, OutboxStatus.Read, at));

        await Eventually.TrueAsync(() => received.Count >= 3);
        Assert.Equal<WhatsAppActivity>([
            new WhatsAppMessageReceived(1, 5, "+6281200000002", "Budi", "Halo", at),
            new WhatsAppMessageReceived(messageId, null, "+6281200000001", null, longText, at),
            new WhatsAppDeliveryChanged(77, 5, OutboxStatus.Read, at)], received);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM live_feed_payloads").SingleAsync());
    }
}
