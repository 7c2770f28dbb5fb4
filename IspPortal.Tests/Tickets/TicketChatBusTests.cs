using System.Collections.Concurrent;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Infrastructure.Tickets;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>Two portal instances (two service providers, one database): what one publishes, the other's chats receive.</summary>
public sealed class TicketChatBusTests(DatabaseFixture database) : AcrossInstancesTest(database)
{
    [Fact]
    public async Task An_event_published_on_one_instance_reaches_the_other_and_one_in_a_transaction_only_on_commit()
    {
        var received = new ConcurrentQueue<TicketChatEvent>();
        using var subscription = Second.GetRequiredService<ITicketChatBus>().Subscribe(received.Enqueue);
        var bus = First.GetRequiredService<ITicketChatBus>();
        var userId = Guid.NewGuid();

        await bus.PublishAsync(new ChatTyping(42, userId, "agen"));
        await Eventually.TrueAsync(() => received.Contains(new ChatTyping(42, userId, "agen")));

        await using (var scope = First.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Common.IIspDbFactory>();
            await using var rolledBack = await db.CreateAsync();
            await using (var transaction = await rolledBack.Database.BeginTransactionAsync())
            {
                await bus.PublishAsync(rolledBack, new ChatMessageAdded(7));
                await transaction.RollbackAsync();
            }
            await using var committed = await db.CreateAsync();
            await using (var transaction = await committed.Database.BeginTransactionAsync())
            {
                await bus.PublishAsync(committed, new ChatMessageAdded(8));
                Assert.DoesNotContain(new ChatMessageAdded(8), received);
                await transaction.CommitAsync();
            }
        }
        await bus.PublishAsync(new ChatDeliveryChanged(8, 99, IspPortal.Core.Notifications.WhatsAppMessageStatus.Read));

        await Eventually.TrueAsync(() => received.Contains(new ChatDeliveryChanged(8, 99, IspPortal.Core.Notifications.WhatsAppMessageStatus.Read)));
        Assert.Contains(new ChatMessageAdded(8), received);
        // Notifications arrive in commit order: the rolled-back one would have come before the delivery change.
        Assert.DoesNotContain(new ChatMessageAdded(7), received);
    }

    [Fact]
    public void Payloads_are_ids_only_and_round_trip()
    {
        TicketChatEvent[] events = [new ChatMessageAdded(1), new ChatDeliveryChanged(1, 2, IspPortal.Core.Notifications.WhatsAppMessageStatus.Failed),
            new ChatTyping(1, Guid.NewGuid(), new string('a', 256)), new ChatUnreadChanged(null), new ChatUnreadChanged(Guid.NewGuid())];

        foreach (var chatEvent in events)
        {
            var payload = PostgresTicketChatBus.Serialize(chatEvent);
            Assert.True(payload.Length < 400, payload);
            Assert.Equal(chatEvent, PostgresTicketChatBus.Deserialize(payload));
        }
        Assert.Null(PostgresTicketChatBus.Deserialize("{\"k\":\"nope\"}"));
    }
}
