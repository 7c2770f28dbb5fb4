using IspPortal.Infrastructure.Live;
using IspPortal.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IspPortal.Tests.Support;

/// <summary>Two portal instances (two service providers on one database), each with its ticket chat bus and live feed bus listening.</summary>
public sealed class TwoPortalInstances : IAsyncDisposable
{
    private TwoPortalInstances(ServiceProvider first, ServiceProvider second) => (First, Second) = (first, second);

    public ServiceProvider First { get; }

    public ServiceProvider Second { get; }

    /// <summary>Returns once both instances' listeners are connected, so what is published from now on reaches both.</summary>
    /// <param name="clock">One clock both instances see (a <see cref="ManualTimeProvider"/> for scheduled jobs).</param>
    /// <param name="configure">More services on both instances (e.g. a job that counts its runs).</param>
    public static async Task<TwoPortalInstances> StartAsync(string connectionString, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var instances = new TwoPortalInstances(CoreServices.Build(connectionString, clock, configure: configure),
            CoreServices.Build(connectionString, clock, configure: configure));
        foreach (var services in instances.Both)
            foreach (var listener in Listeners(services))
                await listener.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => instances.Both.All(s =>
            s.GetRequiredService<PostgresTicketChatBus>().IsListening && s.GetRequiredService<PostgresLiveBus>().IsListening));
        return instances;
    }

    private ServiceProvider[] Both => [First, Second];

    private static IHostedService[] Listeners(ServiceProvider services) =>
        [services.GetRequiredService<PostgresTicketChatBus>(), services.GetRequiredService<PostgresLiveBus>()];

    public async ValueTask DisposeAsync()
    {
        foreach (var services in Both)
        {
            foreach (var listener in Listeners(services))
                await listener.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}
