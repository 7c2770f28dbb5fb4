using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications;

/// <summary>
/// A WhatsApp message to or from a customer (table <c>whatsapp_messages</c>): the conversation
/// shown in the ticket chat. The provider's message id is unique, so a webhook delivered twice
/// stores the message once.
/// </summary>
[NotAudited]
public class WhatsAppMessage
{
    public const int ProviderMessageIdMaxLength = 128;
    public const int PhoneMaxLength = 16;
    public const int ContactNameMaxLength = 120;
    public const int MediaPathMaxLength = 260;
    public const int MediaTypeMaxLength = 100;
    public const int ErrorMaxLength = 2000;
    /// <summary>WhatsApp's limit for a text body.</summary>
    public const int BodyMaxLength = 4096;

    private WhatsAppMessage() { }

    public WhatsAppMessage(MessageDirection direction, string phone, WhatsAppMessageType type, string? body, DateTimeOffset occurredAt, string? providerMessageId)
    {
        Direction = direction;
        Phone = phone;
        Type = type;
        Body = body;
        OccurredAt = occurredAt;
        ProviderMessageId = providerMessageId;
        Status = direction == MessageDirection.Inbound ? WhatsAppMessageStatus.Received : WhatsAppMessageStatus.Queued;
        StatusChangedAt = occurredAt;
    }

    public long Id { get; private set; }

    public MessageDirection Direction { get; private set; }

    /// <summary>The customer's side of the conversation, E.164.</summary>
    public string Phone { get; private set; } = "";

    /// <summary>The WhatsApp profile name sent with an inbound message.</summary>
    public string? ContactName { get; set; }

    public int? CustomerId { get; set; }

    public int? TicketId { get; set; }

    /// <summary>The outbox message that sent it (outbound only).</summary>
    public long? OutboxMessageId { get; set; }

    /// <summary>The agent who wrote an outbound reply.</summary>
    public Guid? SentById { get; set; }

    public WhatsAppMessageType Type { get; private set; }

    public string? Body { get; private set; }

    public string? MediaPath { get; set; }

    public string? MediaType { get; set; }

    /// <summary>wamid; null for an outbound message until the provider accepts it.</summary>
    public string? ProviderMessageId { get; private set; }

    public WhatsAppMessageStatus Status { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public string? Error { get; private set; }

    /// <param name="providerMessageId">Null when the provider answers without an id (some HTTP gateways).</param>
    public void MarkAccepted(string? providerMessageId, DateTimeOffset at)
    {
        ProviderMessageId = providerMessageId ?? ProviderMessageId;
        Status = WhatsAppMessageStatus.Sent;
        StatusChangedAt = at;
    }

    /// <summary>Statuses only move forward; a late "delivered" after "read" changes nothing.</summary>
    public void RecordStatus(WhatsAppMessageStatus status, DateTimeOffset at, string? error = null)
    {
        if (Direction == MessageDirection.Inbound || status <= Status && status != WhatsAppMessageStatus.Failed)
        {
            return;
        }
        Status = status;
        StatusChangedAt = at;
        Error = error;
    }
}

public enum MessageDirection
{
    Inbound,
    Outbound,
}

public enum WhatsAppMessageType
{
    Text,
    Template,
    Image,
    Document,
    Audio,
    Video,
    Location,
    Other,
}

/// <summary>Ordered: a later status never goes back to an earlier one.</summary>
public enum WhatsAppMessageStatus
{
    Received,
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
}
