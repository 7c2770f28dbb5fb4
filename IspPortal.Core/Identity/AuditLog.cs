namespace IspPortal.Core.Identity;

/// <summary>One change made through the portal (table <c>audit_logs</c>, partitioned by month).</summary>
public class AuditLog
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>The table name, e.g. <c>service_packages</c>.</summary>
    public string Entity { get; set; } = "";

    public string EntityKey { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>JSON <c>{"before": {...}, "after": {...}}</c>; secrets are masked.</summary>
    public string Changes { get; set; } = "{}";
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
