namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <summary>
/// How long the portal keeps its logs and router health history (section "Retention"; see
/// docs/decisions/0018). Months of 0 keep a log forever.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    public int CustomerStatusLogsMonths { get; set; } = 24;

    public int NotificationLogsMonths { get; set; } = 24;

    public int RouterLogsMonths { get; set; } = 12;

    public int AuditLogsMonths { get; set; } = 24;

    /// <summary>Write each expired partition to the backup folder's <c>archive</c> as gzipped CSV before dropping it.</summary>
    public bool ExportBeforeDrop { get; set; }

    public int HealthSampleDays { get; set; } = 14;

    public int HealthAggregateMonths { get; set; } = 24;

    public bool IsValid =>
        new[] { CustomerStatusLogsMonths, NotificationLogsMonths, RouterLogsMonths, AuditLogsMonths, HealthAggregateMonths }.All(m => m is >= 0 and <= 1200)
        && HealthSampleDays is >= 1 and <= 3650 && HealthAggregateMonths >= 1;

    /// <summary>Months <paramref name="table"/> is kept; 0 for ever.</summary>
    public int MonthsFor(PartitionedTable table) =>
        table == PartitionedTables.CustomerStatusLogs ? CustomerStatusLogsMonths
        : table == PartitionedTables.NotificationLogs ? NotificationLogsMonths
        : table == PartitionedTables.RouterLogs ? RouterLogsMonths
        : table == PartitionedTables.AuditLogs ? AuditLogsMonths
        : throw new ArgumentOutOfRangeException(nameof(table), table.Table, "No retention is configured for this table.");
}
