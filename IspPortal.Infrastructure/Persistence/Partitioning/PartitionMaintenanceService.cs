using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <summary>
/// Runs <see cref="PartitionMaintenance"/> at startup and then daily. A failed run (say, the
/// database is not migrated yet) is retried within the hour; inserts never fail meanwhile because
/// every log table has a DEFAULT partition.
/// </summary>
public sealed class PartitionMaintenanceService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<PartitionMaintenanceService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    public static readonly TimeSpan RetryInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var succeeded = await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(succeeded ? Interval : RetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var maintenance = scope.ServiceProvider.GetRequiredService<PartitionMaintenance>();
            var created = await maintenance.EnsurePartitionsAsync(time.GetUtcNow(), cancellationToken: cancellationToken);
            if (created > 0)
            {
                logger.LogInformation("Created {Count} monthly log partitions", created);
            }
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Creating monthly log partitions failed; retrying in {Retry}", RetryInterval);
            return false;
        }
    }
}
