using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications;

/// <summary>
/// One delivery attempt or delivery report of a notification (table <c>notification_logs</c>,
/// partitioned by month on <see cref="OccurredAt"/>).
/// </summary>
[NotAudited]
public class NotificationLog
{
    public const int ProviderMaxLength = 32;
    public const int ErrorMaxLength = 2000;

    private NotificationLog() { }

    public NotificationLog(long outboxMessageId, DateTimeOffset occurredAt, NotificationChannel channel, string recipient, string template, int attempt, NotificationLogStatus status)
    {
        OutboxMessageId = outboxMessageId;
        OccurredAt = occurredAt;
        Channel = channel;
        Recipient = recipient;
        Template = template;
        Attempt = attempt;
        Status = status;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public long? OutboxMessageId { get; private set; }

    public int? CustomerId { get; set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>e.g. <c>whatsapp-cloud</c>, <c>http-gateway</c>, <c>smtp</c>.</summary>
    public string? Provider { get; set; }

    public string Recipient { get; private set; } = "";

    public string Template { get; private set; } = "";

    public int Attempt { get; private set; }

    public NotificationLogStatus Status { get; private set; }

    public string? ProviderMessageId { get; set; }

    /// <summary>The provider's error code (e.g. WhatsApp 131026), for retry decisions and reports.</summary>
    public string? ErrorCode { get; set; }

    public string? Error { get; set; }

    public int? DurationMs { get; set; }

    public OutboxMessage? OutboxMessage { get; private set; }
}

public enum NotificationLogStatus
{
    Sent,
    TransientFailure,
    PermanentFailure,
    Delivered,
    Read,
    Failed,
    SkippedQuietHours,
    SkippedOptOut,
    /// <summary>An admin switched this event off for the channel (Settings → Templat notifikasi).</summary>
    SkippedDisabled,
}
