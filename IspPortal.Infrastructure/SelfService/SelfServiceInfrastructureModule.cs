using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.SelfService;

public static class SelfServiceInfrastructureModule
{
    public static IServiceCollection AddSelfServiceInfrastructure(this IServiceCollection services)
    {
        services.AddJob<SelfServiceCleanupJob>(schedule => schedule.Hourly());
        services.AddJob<PackageChangeJob>(schedule => schedule.EveryFifteenMinutes());
        return services;
    }
}
