using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.SelfService;

public static class SelfServiceInfrastructureModule
{
    public static IServiceCollection AddSelfServiceInfrastructure(this IServiceCollection services)
    {
        services.AddJob<SelfServiceCleanupJob>(Every.Hour);
        services.AddJob<PackageChangeJob>(Every.FifteenMinutes);
        return services;
    }
}
