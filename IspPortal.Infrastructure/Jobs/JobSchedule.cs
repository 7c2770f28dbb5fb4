using Coravel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Jobs;

public static class JobSchedule
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddTransient<RouterSyncJob>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<BillingJob>();
        services.AddTransient<TicketEscalationJob>();
        services.AddTransient<TicketFollowUpJob>();
        return services;
    }

    /// <summary>The jobs' schedule; each job decides itself whether it is due and takes its own lock.</summary>
    public static void UseJobs(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobSchedule));
        services.UseScheduler(scheduler =>
            {
                scheduler.Schedule<RouterSyncJob>().EveryMinute().PreventOverlapping(nameof(RouterSyncJob));
                scheduler.Schedule<OutboxDispatchJob>().EverySeconds(10).PreventOverlapping(nameof(OutboxDispatchJob));
                scheduler.Schedule<BillingJob>().EveryMinute().PreventOverlapping(nameof(BillingJob));
                scheduler.Schedule<TicketEscalationJob>().EveryMinute().PreventOverlapping(nameof(TicketEscalationJob));
                scheduler.Schedule<TicketFollowUpJob>().EveryMinute().PreventOverlapping(nameof(TicketFollowUpJob));
            })
            .LogScheduledTaskProgress()
            .OnError(exception => logger.LogError(exception, "A scheduled job failed"));
    }
}
