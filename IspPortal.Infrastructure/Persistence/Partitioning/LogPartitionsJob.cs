using Coravel.Invocable;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <summary>
/// The log tables' monthly housekeeping, on one instance at a time: creates the coming months'
/// partitions, then drops (or exports and drops) those past their retention. Partitions expire once
/// a month, but the job is checked every hour (and at start-up) so that a run missed while the
/// portal was down, or a failed one, is made up within the hour; a run with nothing due costs a few
/// catalogue queries.
/// </summary>
public sealed class LogPartitionsJob(
    IDbContextFactory<IspDbContext> contexts,
    IDatabaseLocks locks,
    PartitionMaintenance maintenance,
    PartitionRetention retention,
    TimeProvider clock,
    ILogger<LogPartitionsJob> logger) : IInvocable, ICancellableInvocable
{
    public const string LockName = "job:log-partitions";

    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke() => await RunAsync(CancellationToken);

    /// <returns>The partitions dropped; null when another instance holds the job.</returns>
    public async Task<IReadOnlyList<DroppedPartition>?> RunAsync(CancellationToken cancellationToken = default)
    {
        // The lock is held by a transaction of its own for the whole run: the detaches and drops
        // commit separately, on another connection.
        await using var lockHolder = await contexts.CreateDbContextAsync(cancellationToken);
        await using var held = await lockHolder.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(lockHolder, LockName, cancellationToken))
        {
            logger.LogInformation("Log partition housekeeping skipped: another instance is running it");
            return null;
        }

        var now = clock.GetUtcNow();
        var created = await maintenance.EnsurePartitionsAsync(now, cancellationToken: cancellationToken);
        if (created > 0)
            logger.LogInformation("Created {Count} monthly log partitions", created);
        var dropped = await retention.DropExpiredAsync(now, cancellationToken);
        await held.CommitAsync(cancellationToken);
        return dropped;
    }
}
