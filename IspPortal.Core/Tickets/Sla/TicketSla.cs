namespace IspPortal.Core.Tickets.Sla;

/// <summary>Where a ticket stands against its SLA, for the screens' chips and the workload counts.</summary>
public enum SlaStanding
{
    /// <summary>No deadline (waiting for triage) or cancelled.</summary>
    None,
    OnTime,
    /// <summary>Has used <see cref="EscalateTickets.NearingShare"/> of its time, as the escalation job's level 1.</summary>
    NearlyDue,
    Breached,
    /// <summary>Waiting for the customer: the escalation clock stands still.</summary>
    Paused,
    /// <summary>Done before its deadline.</summary>
    Met,
    /// <summary>Done after its deadline.</summary>
    Missed,
}

/// <param name="DueAt">Null while the ticket waits for triage.</param>
/// <param name="MetAt">When the target was met; null while it runs.</param>
public sealed record SlaTarget(DateTimeOffset? DueAt, DateTimeOffset? MetAt)
{
    /// <summary>Time left until the deadline (negative once past); null when met or without a deadline.</summary>
    public TimeSpan? RemainingAt(DateTimeOffset now) => MetAt is null && DueAt is { } due ? due - now : null;

    public SlaStanding StandingAt(DateTimeOffset now, DateTimeOffset startedAt)
    {
        if (DueAt is not { } due)
            return SlaStanding.None;
        if (MetAt is { } met)
            return met <= due ? SlaStanding.Met : SlaStanding.Missed;
        if (now >= due)
            return SlaStanding.Breached;
        var target = due - startedAt;
        return target > TimeSpan.Zero && (now - startedAt) >= target * EscalateTickets.NearingShare ? SlaStanding.NearlyDue : SlaStanding.OnTime;
    }
}

/// <summary>
/// A ticket's two SLA targets. The running one is the first response until an agent answers, then the
/// resolution (as <see cref="EscalateTickets"/> counts them); resolving or closing also answers the customer.
/// </summary>
public sealed record TicketSla(TicketStatus Status, DateTimeOffset StartedAt, SlaTarget FirstResponse, SlaTarget Resolution)
{
    public static TicketSla Of(TicketStatus status, DateTimeOffset createdAt, DateTimeOffset? firstResponseDueAt, DateTimeOffset? firstRespondedAt,
        DateTimeOffset? resolutionDueAt, DateTimeOffset? resolvedAt, DateTimeOffset? closedAt)
    {
        var done = status == TicketStatus.Cancelled ? null : resolvedAt ?? closedAt;
        return new TicketSla(status, createdAt, new SlaTarget(firstResponseDueAt, firstRespondedAt ?? done), new SlaTarget(resolutionDueAt, done));
    }

    public static TicketSla Of(Ticket ticket) =>
        Of(ticket.Status, ticket.CreatedAt, ticket.FirstResponseDueAt, ticket.FirstRespondedAt, ticket.ResolutionDueAt, ticket.ResolvedAt, ticket.ClosedAt);

    public bool WaitsForFirstResponse => FirstResponse.DueAt is not null && FirstResponse.MetAt is null;

    /// <summary>The target the ticket is measured against now.</summary>
    public SlaTarget Running => WaitsForFirstResponse ? FirstResponse : Resolution;

    public SlaStanding StandingAt(DateTimeOffset now) => Status switch
    {
        TicketStatus.Cancelled => SlaStanding.None,
        TicketStatus.WaitingForCustomer when Running.StandingAt(now, StartedAt) is SlaStanding.OnTime or SlaStanding.NearlyDue => SlaStanding.Paused,
        _ when Status is TicketStatus.Resolved or TicketStatus.Verified or TicketStatus.Closed => Resolution.StandingAt(now, StartedAt),
        _ => Running.StandingAt(now, StartedAt),
    };
}
