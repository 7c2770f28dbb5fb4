namespace IspPortal.Core.Tickets;

/// <summary>The lifecycle steps an agent takes on a ticket's page.</summary>
public enum TicketAction
{
    StartWork,
    WaitForCustomer,
    Resolve,
    Reopen,
    Close,
    Cancel,
}

public static class TicketActions
{
    /// <summary>The status an action moves a ticket to.</summary>
    public static TicketStatus Target(TicketAction action) => action switch
    {
        TicketAction.StartWork or TicketAction.Reopen => TicketStatus.InProgress,
        TicketAction.WaitForCustomer => TicketStatus.WaitingForCustomer,
        TicketAction.Resolve => TicketStatus.Resolved,
        TicketAction.Close => TicketStatus.Closed,
        TicketAction.Cancel => TicketStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Resolving needs a resolution note and cancelling a reason.</summary>
    public static bool NeedsNote(TicketAction action) => action is TicketAction.Resolve or TicketAction.Cancel;

    /// <summary>
    /// The actions <see cref="Ticket.CanMove"/> allows from <paramref name="status"/>. Back to "in progress"
    /// is "reopen" from a resolved ticket and "start work" otherwise.
    /// </summary>
    public static IReadOnlyList<TicketAction> For(TicketStatus status) =>
        Enum.GetValues<TicketAction>()
            .Where(a => Ticket.CanMove(status, Target(a)))
            .Where(a => a switch
            {
                TicketAction.Reopen => status == TicketStatus.Resolved,
                TicketAction.StartWork => status != TicketStatus.Resolved,
                _ => true,
            })
            .ToList();
}
