using Coravel;
using Coravel.Invocable;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Jobs;

/// <summary>A job a feature schedules: Coravel invokes <see cref="Invocable"/> (the job behind its once-per-tick claim) at its interval.</summary>
public sealed record ScheduledJob(Type Job, Type Invocable, Every Every);

public static class JobSchedule
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> and its interval; <see cref="UseJobs"/> schedules it.
    /// Every instance's scheduler ticks, one instance runs each tick (<see cref="OncePerTick{TJob}"/>).
    /// </summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, Every every)
        where TJob : class, IInvocable
    {
        services.AddTransient<TJob>();
        services.AddTransient<OncePerTick<TJob>>();
        services.AddSingleton(new ScheduledJob(typeof(TJob), typeof(OncePerTick<TJob>), every));
        return services;
    }

    /// <summary>The scheduler that runs the jobs the feature modules registered.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services) => services.AddScheduler();

    /// <summary>Each job decides itself whether it is due and takes its own lock; one run at a time per job.</summary>
    public static void UseJobs(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobSchedule));
        var jobs = services.GetServices<ScheduledJob>().ToList();
        services.UseScheduler(scheduler =>
            {
                foreach (var job in jobs)
                    job.Every.Schedule(scheduler.ScheduleInvocableType(job.Invocable)).PreventOverlapping(job.Job.Name);
            })
            .LogScheduledTaskProgress()
            .OnError(exception => logger.LogError(exception, "A scheduled job failed"));
    }
}

/// <summary>
/// How often a job runs: the scheduler's interval and the tick it belongs to (the time truncated to
/// <see cref="Period"/>), which one instance claims. <see cref="AndAtStart"/> also runs it when an
/// instance starts, unless the current tick has already run.
/// </summary>
public sealed record Every(TimeSpan Period, bool AtStart = false)
{
    public static Every TenSeconds { get; } = new(TimeSpan.FromSeconds(10));
    public static Every Minute { get; } = new(TimeSpan.FromMinutes(1));
    public static Every FiveMinutes { get; } = new(TimeSpan.FromMinutes(5));
    public static Every TenMinutes { get; } = new(TimeSpan.FromMinutes(10));
    public static Every FifteenMinutes { get; } = new(TimeSpan.FromMinutes(15));
    public static Every Hour { get; } = new(TimeSpan.FromHours(1));
    public static Every Day { get; } = new(TimeSpan.FromDays(1));

    public Every AndAtStart => this with { AtStart = true };

    /// <summary>The tick <paramref name="now"/> falls in (UTC, as Coravel schedules).</summary>
    public DateTimeOffset TickOf(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % Period.Ticks, TimeSpan.Zero);
    }

    public IScheduledEventConfiguration Schedule(IScheduleInterval interval)
    {
        var configured = Period.TotalSeconds switch
        {
            10 => interval.EverySeconds(10),
            60 => interval.EveryMinute(),
            300 => interval.EveryFiveMinutes(),
            600 => interval.EveryTenMinutes(),
            900 => interval.EveryFifteenMinutes(),
            3600 => interval.Hourly(),
            86400 => interval.Daily(),
            _ => throw new NotSupportedException($"No schedule for every {Period}."),
        };
        return AtStart ? configured.RunOnceAtStart() : configured;
    }
}
