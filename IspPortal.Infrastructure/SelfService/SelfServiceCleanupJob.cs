using Coravel.Invocable;
using IspPortal.Core.SelfService.SignIn;

namespace IspPortal.Infrastructure.SelfService;

/// <summary>Every hour: code requests, wrong codes, codes and sessions that ended over a day ago are deleted, off the sign-in path.</summary>
public sealed class SelfServiceCleanupJob(SelfServiceThrottle throttle) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => throttle.ForgetOldAsync(CancellationToken);
}
