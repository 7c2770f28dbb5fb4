using Coravel.Invocable;
using IspPortal.Core.Network.Sync;

namespace IspPortal.Infrastructure.Network;

/// <summary>Every minute: syncs all routers when the interval from settings is due (one instance at a time).</summary>
public sealed class RouterSyncJob(RunScheduledSync sync) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => sync.ExecuteAsync(cancellationToken: CancellationToken);
}
