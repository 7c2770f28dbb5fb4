using IspPortal.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>Two portal instances (two service providers on one database), each with its ticket chat bus listening.</summary>
public sealed class TwoPortalInstances : IAsyncDisposable
{
    private TwoPortalInstances(ServiceProvider first, ServiceProvider second) => (First, Second) = (first, second);

    public ServiceProvider First { get; }

    public ServiceProvider Second { get; }

    /// <summary>Returns once both listeners are connected, so what is published from now on reaches both.</summary>
    public static async Task<TwoPortalInstances> StartAsync(string connectionString)
    {
        var instances = new TwoPortalInstances(CoreServices.Build(connectionString), CoreServices.Build(connectionString));
        foreach (var services in instances.Both)
            await services.GetRequiredService<PostgresTicketChatBus>().StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => instances.Both.All(s => s.GetRequiredService<PostgresTicketChatBus>().IsListening));
        return instances;
    }

    private ServiceProvider[] Both => [First, Second];

    public async ValueTask DisposeAsync()
    {
        foreach (var services in Both)
        {
            await services.GetRequiredService<PostgresTicketChatBus>().StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }
}
