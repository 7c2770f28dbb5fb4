using Coravel.Invocable;
using IspPortal.Core.SelfService.Package;

namespace IspPortal.Infrastructure.SelfService;

/// <summary>Every quarter hour: package changes customers scheduled for a month that has begun are made on the routers.</summary>
public sealed class PackageChangeJob(ApplyPackageChanges changes) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => changes.ExecuteAsync(CancellationToken);
}
