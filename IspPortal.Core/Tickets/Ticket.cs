using IspPortal.Core.Customers;

namespace IspPortal.Core.Tickets;

/// <summary>
/// A customer's problem or request (table <c>tickets</c>). Status moves only along the lifecycle;
/// every change returns the <see cref="TicketActivity"/> that records it.
/// </summary>
public class Ticket
{
    /// <summary>e.g. <c>TKT-2502-000123</c>.</summary>
    public const int NumberMaxLength = 32;
    /// <summary>Running per month (<see cref="Billing.Documents.IDocumentSequences"/>), like invoices.</summary>
    public const string NumberFormat = "TKT-{yy}{MM}-{seq:6}";
    public const int DescriptionMaxLength = 4000;
    public const int SubjectMaxLength = 200;
    public const int ContactNameMaxLength = 120;
    public const int ContactMaxLength = 254;
    public const int MaxEscalationLevel = 3;

    /// <summary>The ticket is over: a customer's new message opens another one instead of joining it, and no unread count includes it.</summary>
    public static readonly TicketStatus[] Done = [TicketStatus.Verified, TicketStatus.Closed, TicketStatus.Cancelled];

    private static readonly Dictionary<TicketStatus, TicketStatus[]> Transitions = new()
    {
        [TicketStatus.Open] = [TicketStatus.Triaged, TicketStatus.Assigned, TicketStatus.Resolved, TicketStatus.Cancelled],
        [TicketStatus.Triaged] = [TicketStatus.Assigned, TicketStatus.Resolved, TicketStatus.Cancelled],
        [TicketStatus.Assigned] = [TicketStatus.InProgress, TicketStatus.WaitingForCustomer, TicketStatus.Resolved, TicketStatus.Triaged, TicketStatus.Cancelled],
        [TicketStatus.InProgress] = [TicketStatus.WaitingForCustomer, TicketStatus.Resolved, TicketStatus.Assigned],
        [TicketStatus.WaitingForCustomer] = [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.Verified, TicketStatus.InProgress, TicketStatus.Closed],
        [TicketStatus.Verified] = [TicketStatus.Closed],
        [TicketStatus.Closed] = [],
        [TicketStatus.Cancelled] = [],
    };

    private Ticket() { }

    public Ticket(string number, int? customerId, string subject, string description, TicketChannel channel, TicketPriority priority, DateTimeOffset createdAt, Guid? createdById)
    {
        Number = number;
        CustomerId = customerId;
        Subject = subject;
        Description = description;
        Channel = channel;
        Priority = priority;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        CreatedById = createdById;
        Activities.Add(new TicketActivity(this, TicketActivityKind.Created, null, nameof(TicketStatus.Open), createdById, createdAt, null));
    }

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    /// <summary>Null for a message from a number no customer has (yet).</summary>
    public int? CustomerId { get; set; }

    public int? CategoryId { get; private set; }

    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public TicketChannel Channel { get; private set; }

    public TicketPriority Priority { get; private set; }

    public TicketStatus Status { get; private set; } = TicketStatus.Open;

    public Guid? AssigneeId { get; private set; }

    public Guid? CreatedById { get; private set; }

    /// <summary>Who reported it when that is not the customer on file (a neighbour, a phone number).</summary>
    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public DateTimeOffset? FirstResponseDueAt { get; private set; }

    public DateTimeOffset? ResolutionDueAt { get; private set; }

    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>0 (not escalated) to <see cref="MaxEscalationLevel"/>.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>1–5 from the customer after closing.</summary>
    public int? Rating { get; private set; }

    public string? RatingComment { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>The version of the customer's ticket links (<see cref="Common.LinkTarget"/>); raised to revoke every link sent so far.</summary>
    public int CustomerLinkVersion { get; private set; }

    [Common.NotAudited]
    public DateTimeOffset? LastCustomerMessageAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public Customer? Customer { get; private set; }

    public TicketCategory? Category { get; private set; }

    public List<TicketComment> Comments { get; private set; } = [];

    public List<TicketActivity> Activities { get; private set; } = [];

    public List<TicketEscalation> Escalations { get; private set; } = [];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Transitions[from].Contains(to);

    /// <summary>Sets the category and priority and the SLA deadlines that follow from them.</summary>
    /// <param name="firstResponseDueAt">Computed by the caller in business hours.</param>
    public TicketActivity Categorise(TicketCategory category, TicketPriority priority, DateTimeOffset firstResponseDueAt, DateTimeOffset resolutionDueAt, Guid? byUserId, DateTimeOffset at)
    {
        var from = $"{Category?.Code ?? CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Priority}";
        Category = category;
        CategoryId = category.Id;
        Priority = priority;
        FirstResponseDueAt = firstResponseDueAt;
        ResolutionDueAt = resolutionDueAt;
        return Record(TicketActivityKind.Categorised, from, $"{category.Code}/{priority}", byUserId, at);
    }

    public TicketActivity MoveTo(TicketStatus to, Guid? byUserId, DateTimeOffset at, string? note = null)
    {
        if (!CanMove(Status, to))
        {
            throw new InvalidOperationException($"Ticket {Number} cannot go from {Status} to {to}.");
        }
        var from = Status;
        Status = to;
        switch (to)
        {
            case TicketStatus.Resolved:
                ResolvedAt = at;
                break;
            case TicketStatus.Verified:
                VerifiedAt = at;
                break;
            case TicketStatus.Closed or TicketStatus.Cancelled:
                ClosedAt = at;
                break;
            case TicketStatus.InProgress when from == TicketStatus.Resolved:
                ResolvedAt = null;
                break;
            default:
                break;
        }
        return Record(TicketActivityKind.StatusChanged, from.ToString(), to.ToString(), byUserId, at, note);
    }

    public TicketActivity AssignTo(Guid assigneeId, Guid? byUserId, DateTimeOffset at)
    {
        if (Status is TicketStatus.Closed or TicketStatus.Cancelled)
        {
            throw new InvalidOperationException($"Ticket {Number} is {Status}.");
        }
        var from = AssigneeId;
        AssigneeId = assigneeId;
        if (Status is TicketStatus.Open or TicketStatus.Triaged)
        {
            Status = TicketStatus.Assigned;
        }
        return Record(TicketActivityKind.Assigned, from?.ToString(), assigneeId.ToString(), byUserId, at);
    }

    /// <summary>The customer wrote at <paramref name="at"/>; a message that arrives late (delivered out of order) does not move the time back.</summary>
    public void RecordCustomerMessage(DateTimeOffset at) =>
        LastCustomerMessageAt = LastCustomerMessageAt is { } last && last > at ? last : at;

    /// <summary>An agent's first reply to the customer stops the first-response clock.</summary>
    public void RecordAgentReply(DateTimeOffset at)
    {
        FirstRespondedAt ??= at;
        UpdatedAt = at;
    }

    public TicketEscalation Escalate(EscalationReason reason, DateTimeOffset dueAt, string? toRole, Guid? toUserId, DateTimeOffset at)
    {
        if (EscalationLevel >= MaxEscalationLevel)
        {
            throw new InvalidOperationException($"Ticket {Number} is already at the highest escalation level.");
        }
        EscalationLevel++;
        var escalation = new TicketEscalation(this, EscalationLevel, reason, dueAt, toRole, toUserId, at);
        Escalations.Add(escalation);
        Record(TicketActivityKind.Escalated, (EscalationLevel - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), EscalationLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), null, at, reason.ToString());
        return escalation;
    }

    public TicketActivity Rate(int rating, string? comment, DateTimeOffset at)
    {
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5.");
        }
        if (Status is not (TicketStatus.Resolved or TicketStatus.Verified or TicketStatus.Closed))
        {
            throw new InvalidOperationException($"Ticket {Number} is not resolved yet.");
        }
        Rating = rating;
        RatingComment = comment;
        RatedAt = at;
        return Record(TicketActivityKind.Rated, null, rating.ToString(System.Globalization.CultureInfo.InvariantCulture), null, at, comment);
    }

    /// <summary>Every customer link sent so far stops opening; the next message carries a new one.</summary>
    public TicketActivity RevokeCustomerLinks(Guid? byUserId, DateTimeOffset at)
    {
        CustomerLinkVersion++;
        return Record(TicketActivityKind.CustomerLinksRevoked, (CustomerLinkVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CustomerLinkVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), byUserId, at);
    }

    private TicketActivity Record(TicketActivityKind kind, string? from, string? to, Guid? byUserId, DateTimeOffset at, string? note = null)
    {
        UpdatedAt = at;
        var activity = new TicketActivity(this, kind, from, to, byUserId, at, note);
        Activities.Add(activity);
        return activity;
    }
}
