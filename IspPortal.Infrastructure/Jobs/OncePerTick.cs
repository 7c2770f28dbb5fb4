using Coravel.Invocable;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Jobs;

/// <summary>
/// Runs <typeparamref name="TJob"/> for the current tick on one instance only (docs/decisions/0024):
/// every instance's scheduler fires, the first to insert the job's tick into <c>job_ticks</c> runs
/// it, the others find it claimed and skip. Ticks older than a week are deleted by the claim.
/// </summary>
public sealed class OncePerTick<TJob>(IServiceProvider services, IIspDbFactory dbs, TimeProvider clock, ILogger<OncePerTick<TJob>> logger)
    : IInvocable, ICancellableInvocable
    where TJob : class, IInvocable
{
    public CancellationToken CancellationToken { get; set; }

    private static string JobName => typeof(TJob).Name;

    public async Task Invoke()
    {
        var every = services.GetServices<ScheduledJob>().Single(j => j.Job == typeof(TJob)).Every;
        var tick = every.TickOf(clock.GetUtcNow());
        if (!await ClaimAsync(tick))
        {
            logger.LogDebug("{Job} for {Tick} runs on another instance", JobName, tick);
            return;
        }
        var job = services.GetRequiredService<TJob>();
        if (job is ICancellableInvocable cancellable)
            cancellable.CancellationToken = CancellationToken;
        await job.Invoke();
    }

    private async Task<bool> ClaimAsync(DateTimeOffset tick)
    {
        var name = JobName;
        var forgotten = tick - JobTick.KeptFor;
        await using var db = await dbs.CreateAsync(CancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM job_ticks WHERE job = {name} AND tick < {forgotten}", CancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO job_ticks (job, tick, claimed_at) VALUES ({name}, {tick}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING", CancellationToken);
        return claimed == 1;
    }
}

/// <summary>One run of a scheduled job, claimed by the instance that runs it.</summary>
public sealed class JobTick
{
    public const int JobMaxLength = 200;

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public string Job { get; private set; } = "";

    public DateTimeOffset Tick { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }
}
