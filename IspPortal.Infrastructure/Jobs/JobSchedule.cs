using Coravel;
using Coravel.Invocable;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Jobs;

/// <summary>A job a feature schedules: how often Coravel invokes it (the job decides itself whether there is work).</summary>
public sealed record ScheduledJob(Type Job, Func<IScheduleInterval, IScheduledEventConfiguration> Every);

public static class JobSchedule
{
    /// <summary>Registers <typeparamref name="TJob"/> and its interval; <see cref="UseJobs"/> schedules it.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, Func<IScheduleInterval, IScheduledEventConfiguration> every)
        where TJob : class, IInvocable
    {
        services.AddTransient<TJob>();
        services.AddSingleton(new ScheduledJob(typeof(TJob), every));
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
                    job.Every(scheduler.ScheduleInvocableType(job.Job)).PreventOverlapping(job.Job.Name);
            })
            .LogScheduledTaskProgress()
            .OnError(exception => logger.LogError(exception, "A scheduled job failed"));
    }
}
