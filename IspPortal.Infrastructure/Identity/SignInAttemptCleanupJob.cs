using Coravel.Invocable;
using IspPortal.Core.Identity.SignIn;

namespace IspPortal.Infrastructure.Identity;

/// <summary>Every hour: sign-in attempts no throttle limit looks at any more are deleted, off the sign-in path.</summary>
public sealed class SignInAttemptCleanupJob(SignInThrottle throttle) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => throttle.ForgetOldAsync(CancellationToken);
}
