namespace IspPortal.Core.SelfService;

/// <summary>
/// A customer whose session token was checked just now. Only <see cref="SignIn.CustomerSessions"/>
/// makes one, so every self-service use case that takes it acts for that customer and no other.
/// </summary>
public sealed class SelfServiceCaller
{
    internal SelfServiceCaller(int customerId, string customerCode, Guid sessionId, DateTimeOffset expiresAt)
    {
        CustomerId = customerId;
        CustomerCode = customerCode;
        SessionId = sessionId;
        ExpiresAt = expiresAt;
    }

    public int CustomerId { get; }

    public string CustomerCode { get; }

    public Guid SessionId { get; }

    public DateTimeOffset ExpiresAt { get; }
}
