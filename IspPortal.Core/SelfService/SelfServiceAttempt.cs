using IspPortal.Core.Common;

namespace IspPortal.Core.SelfService;

public enum AttemptKind
{
    CodeRequested,
    WrongCode,
}

/// <summary>
/// A code request or a wrong code (table <c>self_service_attempts</c>), counted by the throttle per
/// login and per client address whether or not the login is a customer's, so the counts say nothing
/// about who is one. Kept for a day.
/// </summary>
[NotAudited]
public class SelfServiceAttempt
{
    public const int LoginMaxLength = 64;
    public const int AddressMaxLength = 64;

    public long Id { get; set; }

    /// <summary>The normalised login: a customer code in capitals or an E.164 number.</summary>
    public string Login { get; set; } = "";

    public string Address { get; set; } = "";

    public AttemptKind Kind { get; set; }

    public DateTimeOffset At { get; set; }
}
