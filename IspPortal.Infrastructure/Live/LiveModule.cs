using IspPortal.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Live;

public static class LiveModule
{
    /// <summary>One LISTEN connection per instance carries the live feeds between the portal's instances (docs/decisions/0024).</summary>
    public static IServiceCollection AddLiveBus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new PostgresLiveBus(configuration.DatabaseConnectionString(), sp, sp.GetRequiredService<ILogger<PostgresLiveBus>>()));
        services.AddSingleton<ILiveBus>(sp => sp.GetRequiredService<PostgresLiveBus>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveBus>());
        return services;
    }
}
