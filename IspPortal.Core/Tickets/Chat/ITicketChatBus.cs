using IspPortal.Core.Common;

namespace IspPortal.Core.Tickets.Chat;

/// <summary>
/// Ticket chat events across every instance of the portal (docs/decisions/0011). Subscribers get
/// each event once per instance, from any instance, including their own.
/// </summary>
[FeatureApi]
public interface ITicketChatBus
{
    /// <summary>
    /// Publishes on <paramref name="db"/>'s connection: inside a transaction it is delivered when the
    /// transaction commits and never if it rolls back, so a chat never re-queries before the data is there.
    /// </summary>
    Task PublishAsync(Common.IIspDb db, TicketChatEvent chatEvent, CancellationToken cancellationToken = default);

    /// <summary>Publishes at once on a connection of its own (typing, read markers).</summary>
    Task PublishAsync(TicketChatEvent chatEvent, CancellationToken cancellationToken = default);

    /// <summary>Dispose the subscription with the component.</summary>
    IDisposable Subscribe(Action<TicketChatEvent> subscriber);
}

[FeatureApi]
public static class TicketChatBusExtensions
{
    /// <summary>
    /// A customer's message landed on the ticket (WhatsApp or e-mail), in <paramref name="db"/>'s
    /// transaction: on commit every instance's open chat and every unread badge re-query.
    /// </summary>
    public static async Task PublishCustomerMessageAsync(this ITicketChatBus chat, Common.IIspDb db, int ticketId, CancellationToken cancellationToken = default)
    {
        await chat.PublishAsync(db, new ChatMessageAdded(ticketId), cancellationToken);
        await chat.PublishAsync(db, new ChatUnreadChanged(null), cancellationToken);
    }
}

/// <summary>The in-process fan-out of what the bus received; components subscribe through <see cref="ITicketChatBus"/>.</summary>
public sealed class TicketChatFeed(Microsoft.Extensions.Logging.ILogger<TicketChatFeed> logger) : Common.LiveFeed<TicketChatEvent>(logger);
