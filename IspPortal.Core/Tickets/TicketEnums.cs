namespace IspPortal.Core.Tickets;

public enum TicketChannel
{
    Web,
    WhatsApp,
    Phone,
    Email,
    CustomerPortal,
}

/// <summary>Ordered from least to most urgent.</summary>
public enum TicketPriority
{
    Low,
    Medium,
    High,
    Urgent,
}

public enum TicketStatus
{
    Open,
    Triaged,
    Assigned,
    InProgress,
    WaitingForCustomer,
    Resolved,
    Verified,
    Closed,
    Cancelled,
}
