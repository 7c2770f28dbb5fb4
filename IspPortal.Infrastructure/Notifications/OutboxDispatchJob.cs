using Coravel.Invocable;
using IspPortal.Core.Notifications.Sending;

namespace IspPortal.Infrastructure.Notifications;

/// <summary>Every ten seconds: sends what is due in the outbox (claims keep instances and workers apart).</summary>
public sealed class OutboxDispatchJob(DispatchOutbox dispatch) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => dispatch.RunOnceAsync(CancellationToken);
}
