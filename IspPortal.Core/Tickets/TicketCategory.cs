namespace IspPortal.Core.Tickets;

/// <summary>
/// A kind of problem with its SLA per priority and where it escalates
/// (table <c>ticket_categories</c>). SLA minutes count business hours from settings.
/// </summary>
public class TicketCategory
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int RoleMaxLength = 32;

    public int Id { get; set; }

    /// <summary>Stable key for rules and the API, e.g. <c>NO-INTERNET</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Words in a message that put a new ticket in this category.</summary>
    public List<string> Keywords { get; set; } = [];

    public TicketPriority DefaultPriority { get; set; } = TicketPriority.Medium;

    public int FirstResponseMinutesLow { get; set; } = 480;
    public int FirstResponseMinutesMedium { get; set; } = 240;
    public int FirstResponseMinutesHigh { get; set; } = 60;
    public int FirstResponseMinutesUrgent { get; set; } = 15;
    public int ResolutionMinutesLow { get; set; } = 4320;
    public int ResolutionMinutesMedium { get; set; } = 1440;
    public int ResolutionMinutesHigh { get; set; } = 480;
    public int ResolutionMinutesUrgent { get; set; } = 240;

    /// <summary>Role notified at escalation level 1, 2 and 3 (e.g. NOC, then Manager).</summary>
    public string? EscalationRoleLevel1 { get; set; }
    public string? EscalationRoleLevel2 { get; set; }
    public string? EscalationRoleLevel3 { get; set; }

    /// <summary>A named person notified at level 1, 2 and 3 besides the role (the NOC lead, the owner).</summary>
    public Guid? EscalationUserIdLevel1 { get; set; }
    public Guid? EscalationUserIdLevel2 { get; set; }
    public Guid? EscalationUserIdLevel3 { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public (TimeSpan FirstResponse, TimeSpan Resolution) SlaFor(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => (TimeSpan.FromMinutes(FirstResponseMinutesLow), TimeSpan.FromMinutes(ResolutionMinutesLow)),
        TicketPriority.Medium => (TimeSpan.FromMinutes(FirstResponseMinutesMedium), TimeSpan.FromMinutes(ResolutionMinutesMedium)),
        TicketPriority.High => (TimeSpan.FromMinutes(FirstResponseMinutesHigh), TimeSpan.FromMinutes(ResolutionMinutesHigh)),
        TicketPriority.Urgent => (TimeSpan.FromMinutes(FirstResponseMinutesUrgent), TimeSpan.FromMinutes(ResolutionMinutesUrgent)),
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    public Guid? EscalationUserFor(int level) => level switch
    {
        1 => EscalationUserIdLevel1,
        2 => EscalationUserIdLevel2,
        3 => EscalationUserIdLevel3,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels are 1 to 3."),
    };

    public string? EscalationRoleFor(int level) => level switch
    {
        1 => EscalationRoleLevel1,
        2 => EscalationRoleLevel2,
        3 => EscalationRoleLevel3,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels are 1 to 3."),
    };
}
