using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <summary>
/// Creates the monthly partitions of the log tables ahead of time, so that inserts land in their
/// month's partition rather than the DEFAULT one. Idempotent and safe on several instances at once.
/// </summary>
public sealed class PartitionMaintenance(IspDbContext db)
{
    public const int DefaultMonthsAhead = 3;

    /// <summary>
    /// Ensures partitions exist for the UTC month of <paramref name="now"/> and the next
    /// <paramref name="monthsAhead"/> months for every partitioned table; returns how many it created.
    /// </summary>
    public async Task<int> EnsurePartitionsAsync(DateTimeOffset now, int monthsAhead = DefaultMonthsAhead, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthsAhead);
        var utc = now.UtcDateTime;
        var firstMonth = new DateOnly(utc.Year, utc.Month, 1);
        var created = 0;
        foreach (var table in PartitionedTables.All)
        {
            created += await db.Database
                .SqlQuery<int>($"SELECT ensure_monthly_partitions({table.Table}, {table.TimeColumn}, {firstMonth}, {monthsAhead + 1}) AS \"Value\"")
                .SingleAsync(cancellationToken);
        }
        return created;
    }
}
