using Coravel.Invocable;
using IspPortal.Core.Tickets.Lifecycle;

namespace IspPortal.Infrastructure.Tickets;

/// <summary>Every minute: resolved tickets ask the customer, unanswered ones verify themselves, closed ones ask for a rating.</summary>
public sealed class TicketFollowUpJob(FollowUpTickets followUp) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => followUp.ExecuteAsync(CancellationToken);
}
