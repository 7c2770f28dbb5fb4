using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Network.Map;
using IspPortal.Core.Network.Monitoring;
using IspPortal.Core.Network.Pools;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Network;

public static class NetworkModule
{
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<RouterList>();
        services.AddScoped<RouterByCode>();
        services.AddScoped<SaveRouter>();
        services.AddScoped<DeleteRouter>();
        services.AddScoped<TestRouterConnection>();
        services.AddScoped<ReadRouterCertificate>();
        services.AddScoped<CustomerIsolation>();
        services.AddScoped<BulkIsolation>();
        services.AddSingleton<NetworkChangeFeed>();
        services.AddScoped<SyncRouter>();
        services.AddScoped<SyncAllRouters>();
        services.AddScoped<RunScheduledSync>();
        services.AddScoped<RouterDrift>();
        services.AddScoped<CustomerMap>();
        services.AddSingleton<SharedMapRouters>();
        services.AddScoped<NetworkMonitor>();
        services.AddScoped<AlertNotices>();
        services.AddScoped<PortalAlerts>();
        services.AddScoped<Health.RouterHealthHistory>();
        services.AddScoped<AcknowledgeAlert>();
        services.AddScoped<ChooseRouterFromPool>();
        services.AddScoped<RouterPoolList>();
        services.AddScoped<SaveRouterPool>();
        services.AddScoped<DeleteRouterPool>();
        return services;
    }
}
