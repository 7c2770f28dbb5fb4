using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications;

/// <summary>
/// A file sent with an outbox message (invoice PDF, receipt), table <c>notification_attachments</c>.
/// Kept in the database with its message, written in the same transaction: every instance's
/// dispatcher can send it, and a message never waits for a file that was not written.
/// </summary>
[NotAudited]
public class NotificationAttachment
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    /// <summary>Well under what mail servers (often 25 MB) and WhatsApp documents (100 MB) take.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private NotificationAttachment() { }

    internal NotificationAttachment(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public long Id { get; private set; }

    public long OutboxMessageId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];
}
