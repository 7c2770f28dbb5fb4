using IspPortal.Core.Common;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Infrastructure.Persistence.Interceptors;
using IspPortal.Infrastructure.Persistence.Partitioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Persistence;

public static class PersistenceModule
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        // Scoped factory: in Blazor Server a scope is a circuit, so the audit interceptor sees the
        // circuit's user; jobs and the API get their own scope and actor.
        services.AddDbContextFactory<IspDbContext>(
            (sp, options) => DependencyInjection.ConfigureDatabase(options, configuration, sp),
            ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IspDbContext>>().CreateDbContext());
        services.AddScoped<IIspDbFactory, IspDbFactory>();
        // The scope's own context, shared with Identity's stores, for use cases that need one transaction across both.
        services.AddScoped<IIspDb>(sp => sp.GetRequiredService<IspDbContext>());
        services.AddScoped<IDatabaseErrors, PostgresErrors>();
        services.AddSingleton<IDatabaseLocks, PostgresLocks>();
        services.AddSingleton<IRowEstimates, PlannerRowEstimates>();
        services.AddScoped<AuditInterceptor>();

        services.AddScoped<PartitionMaintenance>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.IsValid, "Retention: months must be 0 (keep) to 1200, health samples 1 to 3650 days, health aggregates at least 1 month.")
            .ValidateOnStart();
        services.AddScoped<PartitionRetention>();
        services.AddJob<LogPartitionsJob>(Every.Hour.AndAtStart);
        return services;
    }
}
