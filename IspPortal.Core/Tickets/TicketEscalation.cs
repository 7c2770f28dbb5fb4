namespace IspPortal.Core.Tickets;

/// <summary>A ticket raised to the next level because its SLA is at risk (table <c>ticket_escalations</c>).</summary>
public class TicketEscalation
{
    private TicketEscalation() { }

    internal TicketEscalation(Ticket ticket, int level, EscalationReason reason, DateTimeOffset dueAt, string? toRole, Guid? toUserId, DateTimeOffset escalatedAt)
    {
        Ticket = ticket;
        TicketId = ticket.Id;
        Level = level;
        Reason = reason;
        DueAt = dueAt;
        EscalatedToRole = toRole;
        EscalatedToUserId = toUserId;
        EscalatedAt = escalatedAt;
    }

    public long Id { get; private set; }

    public int TicketId { get; private set; }

    /// <summary>1 to <see cref="Ticket.MaxEscalationLevel"/>; each level once per ticket.</summary>
    public int Level { get; private set; }

    public EscalationReason Reason { get; private set; }

    /// <summary>The SLA deadline that was at risk.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public string? EscalatedToRole { get; private set; }

    public Guid? EscalatedToUserId { get; private set; }

    public DateTimeOffset EscalatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    public Ticket? Ticket { get; private set; }

    public void Acknowledge(Guid byUserId, DateTimeOffset at)
    {
        AcknowledgedById ??= byUserId;
        AcknowledgedAt ??= at;
    }
}

public enum EscalationReason
{
    FirstResponseDue,
    FirstResponseOverdue,
    ResolutionDue,
    ResolutionOverdue,
    Manual,
}
