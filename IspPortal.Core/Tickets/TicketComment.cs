namespace IspPortal.Core.Tickets;

/// <summary>A message in a ticket's conversation, or an internal note (table <c>ticket_comments</c>).</summary>
public class TicketComment
{
    public const int AttachmentPathMaxLength = 260;
    public const int AttachmentNameMaxLength = 255;
    public const int AttachmentTypeMaxLength = 100;
    public const int EmailMessageIdMaxLength = 500;

    private TicketComment() { }

    public TicketComment(int ticketId, CommentAuthor authorKind, Guid? authorId, string body, bool isInternal, DateTimeOffset createdAt)
    {
        if (isInternal && authorKind != CommentAuthor.Agent)
        {
            throw new ArgumentException("Only agents write internal notes.", nameof(isInternal));
        }
        TicketId = ticketId;
        AuthorKind = authorKind;
        AuthorId = authorId;
        Body = body;
        IsInternal = isInternal;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int TicketId { get; private set; }

    public CommentAuthor AuthorKind { get; private set; }

    /// <summary>The agent (users.id); null for the customer and the system.</summary>
    public Guid? AuthorId { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>Seen by staff only; never sent to the customer.</summary>
    public bool IsInternal { get; private set; }

    /// <summary>The WhatsApp message this comment came from or was sent as.</summary>
    public long? WhatsAppMessageId { get; set; }

    /// <summary>The outbox message that e-mailed this reply to the customer (a ticket that came by e-mail).</summary>
    public long? OutboxMessageId { get; set; }

    /// <summary>The Message-ID of the e-mail this comment came from: a mail relay that posts twice stores it once.</summary>
    public string? EmailMessageId { get; set; }

    public string? AttachmentPath { get; set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    /// <summary>Bytes as stored (an image is stored again without its metadata).</summary>
    public long? AttachmentSize { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public Ticket? Ticket { get; private set; }

    public void Edit(string body, DateTimeOffset at)
    {
        Body = body;
        EditedAt = at;
    }
}

public enum CommentAuthor
{
    Agent,
    Customer,
    System,
}
