using IspPortal.Core.Common;

namespace IspPortal.Core.Tickets;

/// <summary>One step in a ticket's trail (table <c>ticket_activities</c>), shown on the ticket.</summary>
[NotAudited]
public class TicketActivity
{
    public const int ValueMaxLength = 100;
    public const int NoteMaxLength = 1000;

    private TicketActivity() { }

    internal TicketActivity(Ticket ticket, TicketActivityKind kind, string? fromValue, string? toValue, Guid? actorId, DateTimeOffset occurredAt, string? note)
    {
        Ticket = ticket;
        TicketId = ticket.Id;
        Kind = kind;
        FromValue = fromValue;
        ToValue = toValue;
        ActorId = actorId;
        OccurredAt = occurredAt;
        Note = note is { Length: > NoteMaxLength } ? note[..NoteMaxLength] : note;
    }

    public long Id { get; private set; }

    public int TicketId { get; private set; }

    public TicketActivityKind Kind { get; private set; }

    public string? FromValue { get; private set; }

    public string? ToValue { get; private set; }

    /// <summary>The user who acted; null for the system (jobs, WhatsApp).</summary>
    public Guid? ActorId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string? Note { get; private set; }

    public Ticket? Ticket { get; private set; }
}

public enum TicketActivityKind
{
    Created,
    Categorised,
    StatusChanged,
    Assigned,
    PriorityChanged,
    Commented,
    Escalated,
    Rated,
    CustomerLinksRevoked,
}
