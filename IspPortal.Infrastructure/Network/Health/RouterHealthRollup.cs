using IspPortal.Core.Common;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Persistence.Configurations.Network;
using IspPortal.Infrastructure.Persistence.Partitioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IspPortal.Infrastructure.Network.Health;

/// <param name="FiveMinuteBuckets">Rows written (inserted or rewritten) into the five-minute table.</param>
public sealed record RouterHealthRollupResult(int FiveMinuteBuckets, int HourlyBuckets, int RawDeleted, int AggregatesDeleted);

/// <summary>
/// Rolls the raw router health samples up into five-minute and hourly buckets (avg, max and p95 of
/// CPU and traffic; avg and max of sessions online), then deletes raw samples and buckets past their
/// retention. Only closed buckets are written, each as an upsert on (router, bucket start), so a
/// re-run rewrites the same rows. One statement per table, set-based; one instance at a time.
/// </summary>
public sealed class RouterHealthRollup(IspDbContext db, IDatabaseLocks locks, IOptions<RetentionOptions> options)
{
    public const string LockName = "job:router-health-rollup";

    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Buckets this far before the latest one written are written again: a sync stamps its sample
    /// when it starts and commits seconds later, possibly after the roll-up closed that bucket.
    /// </summary>
    public static readonly TimeSpan LateSamples = TimeSpan.FromMinutes(15);

    /// <summary>How far back a bucket's first sample looks for the previous one, to turn byte counters into a rate.</summary>
    private static readonly TimeSpan RateLookback = TimeSpan.FromHours(1);

    /// <returns>What was done; null when another instance holds the job.</returns>
    public async Task<RouterHealthRollupResult?> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(db, LockName, cancellationToken))
            return null;

        var fiveMinutes = await RollUpAsync(RouterHealthFiveMinutesConfiguration.Table, FiveMinutes, now, cancellationToken);
        var hourly = await RollUpAsync(RouterHealthHourlyConfiguration.Table, Hour, now, cancellationToken);

        var rawCutoff = now.ToUniversalTime().AddDays(-options.Value.HealthSampleDays);
        var aggregateCutoff = now.ToUniversalTime().AddMonths(-options.Value.HealthAggregateMonths);
        var rawDeleted = await db.RouterHealthSamples.Where(s => s.SampledAt < rawCutoff).ExecuteDeleteAsync(cancellationToken);
        var aggregatesDeleted = await db.RouterHealthFiveMinutes.Where(a => a.BucketStart < aggregateCutoff).ExecuteDeleteAsync(cancellationToken)
            + await db.RouterHealthHourly.Where(a => a.BucketStart < aggregateCutoff).ExecuteDeleteAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new RouterHealthRollupResult(fiveMinutes, hourly, rawDeleted, aggregatesDeleted);
    }

    /// <summary>
    /// Writes the closed buckets from the latest one already written (less <see cref="LateSamples"/>,
    /// rewritten) up to the bucket <paramref name="now"/> is in; the first run takes every raw sample.
    /// </summary>
    private async Task<int> RollUpAsync(string table, TimeSpan bucket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = Floor(now.ToUniversalTime(), bucket);
        var latest = await db.Database.SqlQueryRaw<DateTimeOffset?>(string.Concat("SELECT max(bucket_start) AS \"Value\" FROM ", table)).SingleAsync(cancellationToken)
            ?? await db.RouterHealthSamples.MinAsync(s => (DateTimeOffset?)s.SampledAt, cancellationToken);
        if (latest is not { } start)
            return 0;
        var from = Floor(start.ToUniversalTime() - LateSamples, bucket);
        if (from >= until)
            return 0;
        return await db.Database.ExecuteSqlRawAsync(string.Concat(RollUpSqlHead, table, RollUpSqlTail),
            [bucket, from, until, from - RateLookback], cancellationToken);
    }

    private static DateTimeOffset Floor(DateTimeOffset utc, TimeSpan bucket) =>
        new(utc.UtcTicks - utc.UtcTicks % bucket.Ticks, TimeSpan.Zero);

    // {0} bucket length, {1} first bucket, {2} end (exclusive), {3} where rates may look back to.
    // Rate of a sample = bytes since the previous sample of the router × 8 / seconds between them;
    // null after a restart (counter went down). percentile_cont and avg skip the nulls.
    private const string RollUpSqlHead = """
        WITH rated AS (
            SELECT router_id, sampled_at, cpu_load_percent, active_sessions,
                   CASE WHEN rx_bytes >= lag(rx_bytes) OVER w AND sampled_at > lag(sampled_at) OVER w
                        THEN (rx_bytes - lag(rx_bytes) OVER w) * 8.0 / extract(epoch FROM sampled_at - lag(sampled_at) OVER w) END AS rx_bps,
                   CASE WHEN tx_bytes >= lag(tx_bytes) OVER w AND sampled_at > lag(sampled_at) OVER w
                        THEN (tx_bytes - lag(tx_bytes) OVER w) * 8.0 / extract(epoch FROM sampled_at - lag(sampled_at) OVER w) END AS tx_bps
            FROM router_health_samples
            WHERE sampled_at >= {3} AND sampled_at < {2}
            WINDOW w AS (PARTITION BY router_id ORDER BY sampled_at)
        )
        INSERT INTO 
        """;

    private const string RollUpSqlTail = """
         (router_id, bucket_start, samples, cpu_avg, cpu_max, cpu_p95, sessions_avg, sessions_max,
             rx_bps_avg, rx_bps_max, rx_bps_p95, tx_bps_avg, tx_bps_max, tx_bps_p95)
        SELECT router_id, date_bin({0}, sampled_at, timestamptz '2000-01-01 00:00:00+00'), count(*),
               avg(cpu_load_percent), max(cpu_load_percent), percentile_cont(0.95) WITHIN GROUP (ORDER BY cpu_load_percent),
               avg(active_sessions), max(active_sessions),
               avg(rx_bps), max(rx_bps), percentile_cont(0.95) WITHIN GROUP (ORDER BY rx_bps),
               avg(tx_bps), max(tx_bps), percentile_cont(0.95) WITHIN GROUP (ORDER BY tx_bps)
        FROM rated
        WHERE sampled_at >= {1}
        GROUP BY 1, 2
        ON CONFLICT (router_id, bucket_start) DO UPDATE SET
            samples = excluded.samples, cpu_avg = excluded.cpu_avg, cpu_max = excluded.cpu_max, cpu_p95 = excluded.cpu_p95,
            sessions_avg = excluded.sessions_avg, sessions_max = excluded.sessions_max,
            rx_bps_avg = excluded.rx_bps_avg, rx_bps_max = excluded.rx_bps_max, rx_bps_p95 = excluded.rx_bps_p95,
            tx_bps_avg = excluded.tx_bps_avg, tx_bps_max = excluded.tx_bps_max, tx_bps_p95 = excluded.tx_bps_p95
        """;
}
