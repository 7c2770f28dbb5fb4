namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <summary>
/// The four big append-only logs, partitioned by month (docs/decisions/0002). EF Core cannot create
/// partitioned tables, so their entities are excluded from migrations; the Initial migration holds
/// their DDL and the partition function as frozen SQL, and later changes get migrations of their own.
/// </summary>
public static class PartitionedTables
{
    /// <summary>The SQL function that creates monthly partitions; also used by <see cref="PartitionMaintenance"/>.</summary>
    public const string EnsureFunction = "ensure_monthly_partitions";

    public static readonly PartitionedTable AuditLogs = new("audit_logs", "occurred_at");
    public static readonly PartitionedTable RouterLogs = new("router_logs", "occurred_at");
    public static readonly PartitionedTable NotificationLogs = new("notification_logs", "occurred_at");
    public static readonly PartitionedTable CustomerStatusLogs = new("customer_status_logs", "changed_at");

    public static readonly IReadOnlyList<PartitionedTable> All = [AuditLogs, RouterLogs, NotificationLogs, CustomerStatusLogs];
}

/// <param name="Table">The partitioned (parent) table.</param>
/// <param name="TimeColumn">The partition key: a <c>timestamptz</c> column.</param>
public sealed record PartitionedTable(string Table, string TimeColumn)
{
    /// <summary>PostgreSQL 15 has no identity columns on partitioned tables, so ids come from a sequence.</summary>
    public string IdDefault => $"nextval('{Table}_id_seq')";

    public string PartitionName(int year, int month) => $"{Table}_{year:D4}_{month:D2}";

    public string DefaultPartitionName => $"{Table}_default";
}
