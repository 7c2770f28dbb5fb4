namespace IspPortal.Core.Tickets.Chat;

/// <summary>
/// How far a user has read a ticket's chat (table <c>ticket_reads</c>, key user and ticket). Written
/// while the chat is open; a ticket whose last customer message is later is unread for that user.
/// </summary>
[Common.NotAudited]
public class TicketRead
{
    private TicketRead() { }

    public TicketRead(Guid userId, int ticketId, DateTimeOffset lastReadAt)
    {
        UserId = userId;
        TicketId = ticketId;
        LastReadAt = lastReadAt;
    }

    public Guid UserId { get; private set; }

    public int TicketId { get; private set; }

    public DateTimeOffset LastReadAt { get; set; }
}
