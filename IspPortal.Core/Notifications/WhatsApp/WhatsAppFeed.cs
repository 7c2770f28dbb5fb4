using IspPortal.Core.Common;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Notifications.WhatsApp;

/// <summary>Something the WhatsApp webhook just stored, for the ticket chat and unread counts.</summary>
public abstract record WhatsAppActivity(int? CustomerId, DateTimeOffset At);

/// <summary>A customer wrote (stored in <c>whatsapp_messages</c> once, however often the webhook repeats it).</summary>
public sealed record WhatsAppMessageReceived(long MessageId, int? CustomerId, string Phone, string? ContactName, string? Body, DateTimeOffset At)
    : WhatsAppActivity(CustomerId, At);

/// <summary>A message the portal sent moved on (delivered, read, failed): the chat's ticks.</summary>
public sealed record WhatsAppDeliveryChanged(long OutboxMessageId, int? CustomerId, OutboxStatus Status, DateTimeOffset At)
    : WhatsAppActivity(CustomerId, At);

/// <summary>Activity may have been missed (the bus reconnected): re-read what is shown.</summary>
public sealed record WhatsAppResync(DateTimeOffset At) : WhatsAppActivity(null, At);

/// <summary>The publisher of webhook activity on every instance; published after it is saved, never for a duplicate.</summary>
public sealed class WhatsAppFeed(ILogger<WhatsAppFeed> logger, ILiveBus? bus = null) : LiveFeed<WhatsAppActivity>(logger, bus);
