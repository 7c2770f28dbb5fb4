using IspPortal.Core.Common;

namespace IspPortal.Core.Customers;

/// <summary>
/// One change of a customer's lifecycle status or router connection state (table
/// <c>customer_status_logs</c>, partitioned by month on <see cref="ChangedAt"/>).
/// </summary>
[NotAudited]
public class CustomerStatusLog
{
    public const int ValueMaxLength = 32;

    private CustomerStatusLog() { }

    public CustomerStatusLog(int customerId, DateTimeOffset changedAt, StatusChangeKind kind, string? fromValue, string toValue, StatusChangeSource source, string? reason, Guid? userId)
    {
        CustomerId = customerId;
        ChangedAt = changedAt;
        Kind = kind;
        FromValue = fromValue;
        ToValue = toValue;
        Source = source;
        Reason = reason;
        UserId = userId;
    }

    public long Id { get; private set; }

    public int CustomerId { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public StatusChangeKind Kind { get; private set; }

    /// <summary>A <see cref="CustomerStatus"/> or <see cref="ConnectionState"/> name.</summary>
    public string? FromValue { get; private set; }

    public string ToValue { get; private set; } = "";

    public StatusChangeSource Source { get; private set; }

    public string? Reason { get; private set; }

    public Guid? UserId { get; private set; }

    public Customer? Customer { get; internal set; }
}

public enum StatusChangeKind
{
    Lifecycle,
    Connection,
}

public enum StatusChangeSource
{
    User,
    Sync,
    Billing,
    Registration,
    Api,
    System,
}
