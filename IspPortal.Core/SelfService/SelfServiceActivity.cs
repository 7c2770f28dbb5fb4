using IspPortal.Core.Common;

namespace IspPortal.Core.SelfService;

public enum SelfServiceAction
{
    CodeRequested,
    SignedIn,
    SignedOut,
    SignedOutEverywhere,
    PaymentStarted,
    TicketOpened,
    TicketMessage,
    TicketConfirmed,
    TicketRated,
    PhoneChanged,
    EmailChanged,
    PreferencesChanged,
    PackageChangeRequested,
    PortalLinkSent,
}

/// <summary>
/// What a customer did in the self-service portal (table <c>self_service_activities</c>), for the
/// customer's timeline on the staff side. Never holds a code or a token.
/// </summary>
[NotAudited]
public class SelfServiceActivity
{
    public const int DetailMaxLength = 300;
    public const int AddressMaxLength = 64;

    private SelfServiceActivity() { }

    public SelfServiceActivity(int customerId, SelfServiceAction action, string? detail, string? address, DateTimeOffset at, Guid? byUserId = null)
    {
        CustomerId = customerId;
        Action = action;
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail;
        Address = address is { Length: > AddressMaxLength } ? address[..AddressMaxLength] : address;
        At = at;
        ByUserId = byUserId;
    }

    public long Id { get; private set; }

    public int CustomerId { get; private set; }

    public SelfServiceAction Action { get; private set; }

    public string? Detail { get; private set; }

    public string? Address { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The staff member, for what staff did for the customer (sending a portal link).</summary>
    public Guid? ByUserId { get; private set; }
}
