using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Infrastructure.Network.RouterOs;
using IspPortal.Infrastructure.Network.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Network;

public static class NetworkInfrastructureModule
{
    public static IServiceCollection AddNetworkInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConnectionWriter, PostgresConnectionWriter>();
        services.Configure<RouterOsOptions>(configuration.GetSection(RouterOsOptions.Section));
        services.AddSingleton<RouterGateway>();
        services.AddSingleton<IRouterGateway>(sp => sp.GetRequiredService<RouterGateway>());
        services.AddSingleton<IRouterCertificateProbe, RouterCertificateProbe>();
        services.AddJob<RouterSyncJob>(Every.Minute);
        services.AddScoped<Health.RouterHealthRollup>();
        services.AddJob<Health.RouterHealthRollupJob>(Every.FiveMinutes);
        return services;
    }
}
