using Coravel.Invocable;
using IspPortal.Core.Tickets.Sla;

namespace IspPortal.Infrastructure.Tickets;

/// <summary>Every minute: tickets nearing or past their SLA in business hours go up a level.</summary>
public sealed class TicketEscalationJob(EscalateTickets escalate) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => escalate.ExecuteAsync(CancellationToken);
}
