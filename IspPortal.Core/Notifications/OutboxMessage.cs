using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications;

/// <summary>
/// A notification waiting to be sent or already sent (table <c>notification_outbox</c>). Written
/// in the same transaction as the change that causes it; the idempotency key (e.g.
/// <c>invoice-reminder:INV/2025/02/000123:H-3</c>) makes a retried job add nothing twice. Each
/// delivery attempt is logged in <c>notification_logs</c>, which is partitioned and therefore cannot
/// hold this uniqueness itself. Not audited: its parameters and body can carry credentials (the
/// welcome message has the PPPoE password), and its own trail is <c>notification_logs</c>.
/// </summary>
[NotAudited]
public class OutboxMessage
{
    public const int IdempotencyKeyMaxLength = 200;
    /// <summary>E.164 phone or an e-mail address.</summary>
    public const int RecipientMaxLength = 254;
    public const int TemplateMaxLength = 64;
    public const int SubjectMaxLength = 200;
    /// <summary>WhatsApp message ids (wamid) are up to 128 characters.</summary>
    public const int ProviderMessageIdMaxLength = 128;
    public const int ErrorMaxLength = 2000;

    private OutboxMessage() { }

    public OutboxMessage(string idempotencyKey, NotificationChannel channel, string recipient, string template, string parameters, DateTimeOffset createdAt, int? customerId = null)
    {
        IdempotencyKey = idempotencyKey;
        Channel = channel;
        Recipient = recipient;
        Template = template;
        Parameters = parameters;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        CustomerId = customerId;
    }

    /// <summary>
    /// One message per channel the person can be reached on (WhatsApp when there is a number, e-mail
    /// when there is an address), each keyed <c>{key}:{channel}</c>.
    /// </summary>
    public static IEnumerable<OutboxMessage> ToPhoneAndEmail(string key, string? phone, string? email, string template, string parameters, DateTimeOffset now, int? customerId = null)
    {
        if (!string.IsNullOrWhiteSpace(phone))
            yield return new OutboxMessage($"{key}:{NotificationChannel.WhatsApp}", NotificationChannel.WhatsApp, phone, template, parameters, now, customerId);
        if (!string.IsNullOrWhiteSpace(email))
            yield return new OutboxMessage($"{key}:{NotificationChannel.Email}", NotificationChannel.Email, email, template, parameters, now, customerId);
    }

    public long Id { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public NotificationChannel Channel { get; private set; }

    public string Recipient { get; private set; } = "";

    public int? CustomerId { get; private set; }

    /// <summary>Template key, e.g. <c>invoice_reminder</c>.</summary>
    public string Template { get; private set; } = "";

    /// <summary>Placeholder values as a JSON object.</summary>
    public string Parameters { get; private set; } = "{}";

    /// <summary>E-mail subject, or rendered text when sent as free text.</summary>
    public string? Subject { get; set; }

    public string? Body { get; set; }

    private readonly List<NotificationAttachment> _attachments = [];

    /// <summary>Files sent with the message (invoice PDF…); saved with it.</summary>
    public IReadOnlyList<NotificationAttachment> Attachments => _attachments;

    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;

    public int AttemptCount { get; private set; }

    /// <summary>When the dispatcher may try next (backoff, quiet hours).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A dispatcher holds the message until then; after it, another may take over.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public bool IsFinished => Status is OutboxStatus.Sent or OutboxStatus.Delivered or OutboxStatus.Read or OutboxStatus.Failed or OutboxStatus.Cancelled;

    /// <summary>Adds a file to send with the message, before it is first saved.</summary>
    public void Attach(string fileName, string contentType, byte[] content)
    {
        if (Id != 0)
            throw new InvalidOperationException($"Message {IdempotencyKey} is already queued: its attachments are fixed.");
        if (fileName.Length is 0 or > NotificationAttachment.FileNameMaxLength || fileName.IndexOfAny(['/', '\\', '\r', '\n']) >= 0)
            throw new ArgumentException($"Attachment name '{fileName}' is not a plain file name of at most {NotificationAttachment.FileNameMaxLength} characters.", nameof(fileName));
        if (contentType.Length is 0 or > NotificationAttachment.ContentTypeMaxLength || !contentType.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"Attachment '{fileName}' needs a media type such as application/pdf, not '{contentType}'.", nameof(contentType));
        if (content.Length is 0 or > NotificationAttachment.MaxBytes)
            throw new ArgumentException($"Attachment '{fileName}' has {content.Length} bytes; 1 to {NotificationAttachment.MaxBytes} are allowed.", nameof(content));
        _attachments.Add(new NotificationAttachment(fileName, contentType, content));
    }

    public void Lock(DateTimeOffset until)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"Message {IdempotencyKey} is {Status}.");
        }
        LockedUntil = until;
        Status = OutboxStatus.Sending;
        AttemptCount++;
    }

    public void MarkSent(string? providerMessageId, DateTimeOffset at)
    {
        Status = OutboxStatus.Sent;
        ProviderMessageId = providerMessageId;
        SentAt = at;
        LockedUntil = null;
        LastError = null;
    }

    public void MarkTransientFailure(string error, DateTimeOffset retryAt)
    {
        Status = OutboxStatus.Pending;
        LastError = Truncate(error);
        NextAttemptAt = retryAt;
        LockedUntil = null;
    }

    public void MarkFailed(string error, DateTimeOffset at)
    {
        Status = OutboxStatus.Failed;
        LastError = Truncate(error);
        FailedAt = at;
        LockedUntil = null;
    }

    public void Cancel() => Status = IsFinished ? Status : OutboxStatus.Cancelled;

    /// <summary>Cancelled with the reason (opt-out, WhatsApp switched off): not an attempt that failed.</summary>
    public void Cancel(string reason)
    {
        Cancel();
        LastError = Truncate(reason);
        LockedUntil = null;
    }

    /// <summary>Held back (quiet hours) until <paramref name="until"/>; the claim's attempt does not count.</summary>
    public void Postpone(DateTimeOffset until)
    {
        Status = OutboxStatus.Pending;
        NextAttemptAt = until;
        LockedUntil = null;
        AttemptCount = Math.Max(0, AttemptCount - 1);
    }

    /// <summary>A delivery webhook; statuses only move forward (webhooks arrive out of order).</summary>
    public void RecordDelivery(OutboxStatus reported, DateTimeOffset at)
    {
        switch (reported)
        {
            case OutboxStatus.Delivered when Status is OutboxStatus.Sent:
                Status = OutboxStatus.Delivered;
                DeliveredAt = at;
                break;
            case OutboxStatus.Read when Status is OutboxStatus.Sent or OutboxStatus.Delivered:
                Status = OutboxStatus.Read;
                DeliveredAt ??= at;
                ReadAt = at;
                break;
            case OutboxStatus.Failed when Status is OutboxStatus.Sent:
                Status = OutboxStatus.Failed;
                FailedAt = at;
                break;
            default:
                break;
        }
    }

    private static string Truncate(string error) => error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
}

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Delivered,
    Read,
    Failed,
    Cancelled,
}
