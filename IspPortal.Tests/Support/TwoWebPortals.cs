using IspPortal.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>
/// Two real portal web hosts on one database, as two replicas behind the load balancer
/// (docs/decisions/0024): the first runs the demo with its simulated routers, the second is a
/// <see cref="ReplicaPortalFactory"/>. Both live-bus listeners are up before a test starts.
/// </summary>
public sealed class TwoWebPortals : IAsyncLifetime
{
    public LiveDemoPortalFactory First { get; } = new();

    public ReplicaPortalFactory Second { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)First).InitializeAsync();
        Second = new ReplicaPortalFactory(First);
        await ((IAsyncLifetime)Second).InitializeAsync();
        await Eventually.TrueAsync(() => new PortalFactory[] { First, Second }
            .All(p => p.Services.GetRequiredService<PostgresLiveBus>().IsListening));
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Second).DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
    }
}
