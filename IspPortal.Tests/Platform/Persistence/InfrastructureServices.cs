using IspPortal.Core;
using IspPortal.Core.Identity;
using IspPortal.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform.Persistence;

/// <summary>The Core and Infrastructure layers as the web host wires them (Infrastructure's adapters use Core's settings), with a fixed clock and actor.</summary>
internal static class InfrastructureServices
{
    public static ServiceProvider Build(string connectionString, DateTimeOffset now, Actor? actor, IDictionary<string, string?>? settings = null) =>
        Build(connectionString, new FixedTimeProvider(now), actor, settings);

    public static ServiceProvider Build(string connectionString, TimeProvider clock, Actor? actor, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{IspPortal.Infrastructure.DependencyInjection.ConnectionStringName}"] = connectionString })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(actor ?? Actor.System));
        services.AddCore().AddInfrastructure(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FixedCurrentUser(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
    }
}
