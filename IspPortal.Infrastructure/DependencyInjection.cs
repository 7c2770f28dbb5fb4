using IspPortal.Core.Common;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Default";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Scoped factory: in Blazor Server a scope is a circuit, so the audit interceptor sees the
        // circuit's user; jobs and the API get their own scope and actor.
        services.AddDbContextFactory<IspDbContext>(
            (sp, options) => ConfigureDatabase(options, configuration, sp),
            ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IspDbContext>>().CreateDbContext());
        services.AddScoped<IIspDbFactory, IspDbFactory>();
        services.AddScoped<IDatabaseErrors, PostgresErrors>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static void ConfigureDatabase(DbContextOptionsBuilder options, IConfiguration configuration, IServiceProvider? services = null)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }
}
