using System.Text.Json.Serialization;
using IspPortal.Core.Notifications;
using IspPortal.Core.Common;

namespace IspPortal.Core.Tickets.Chat;

/// <summary>
/// Something a ticket chat on any instance should react to. Small on purpose (ids, no text): it
/// travels as a PostgreSQL notification (under 8000 bytes) and receivers re-query what they show.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(ChatMessageAdded), "m")]
[JsonDerivedType(typeof(ChatDeliveryChanged), "d")]
[JsonDerivedType(typeof(ChatTyping), "t")]
[JsonDerivedType(typeof(ChatUnreadChanged), "u")]
[JsonDerivedType(typeof(ChatResync), "r")]
[JsonDerivedType(typeof(ChatTicketChanged), "c")]
public abstract record TicketChatEvent;

/// <summary>A message, note or attachment was added to the ticket's conversation.</summary>
public sealed record ChatMessageAdded(int TicketId) : TicketChatEvent;

/// <summary>The ticket itself changed (status, assignee, category, escalation): its page and chat re-read it.</summary>
public sealed record ChatTicketChanged(int TicketId) : TicketChatEvent;

/// <summary>An agent's reply moved on (sent, delivered, read, failed): the chat's ticks.</summary>
[FeatureApi]
public sealed record ChatDeliveryChanged(int TicketId, long MessageId, WhatsAppMessageStatus Status) : TicketChatEvent;

/// <summary>An agent is typing in the ticket's composer; receivers forget it after <see cref="TicketChatTiming.TypingShownFor"/>.</summary>
public sealed record ChatTyping(int TicketId, Guid UserId, string UserName) : TicketChatEvent;

/// <summary>Unread counts may have changed: for one user (they read a chat), or for everyone (null: a customer wrote).</summary>
public sealed record ChatUnreadChanged(Guid? UserId) : TicketChatEvent;

/// <summary>
/// Published in-process only, when this instance's listener (re)connects: notifications sent while it
/// was away are lost (at most once), so every open chat and badge re-queries.
/// </summary>
public sealed record ChatResync : TicketChatEvent;

public static class TicketChatTiming
{
    /// <summary>A composer signals typing at most this often (per user and ticket).</summary>
    public static readonly TimeSpan TypingSignalEvery = TimeSpan.FromSeconds(2);

    /// <summary>A receiver shows "X sedang mengetik…" this long after the last signal.</summary>
    public static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(4);
}
