using Coravel.Invocable;

namespace IspPortal.Infrastructure.Network.Health;

/// <summary>Every five minutes: rolls up the closed buckets of router health and applies its retention.</summary>
public sealed class RouterHealthRollupJob(RouterHealthRollup rollup, TimeProvider clock) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => rollup.RunAsync(clock.GetUtcNow(), CancellationToken);
}
