using Coravel.Invocable;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>Hourly: stores the customers' uptime minutes of the closed days not stored yet or made dirty since (<see cref="UptimeDayStore"/>).</summary>
public sealed class UptimeDaysJob(UptimeDayStore store, ILogger<UptimeDaysJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var days = await store.FillAsync(CancellationToken);
        if (days > 0)
            logger.LogInformation("Stored the uptime minutes of {Days} days", days);
    }
}
