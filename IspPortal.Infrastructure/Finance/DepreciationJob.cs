using Coravel.Invocable;
using IspPortal.Core.Finance.Assets;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Daily (and at start, to catch up after downtime): every asset's depreciation through the last ended month, by one instance at a time.</summary>
public sealed class DepreciationJob(DepreciateAssets depreciation) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => depreciation.RunScheduledAsync(CancellationToken);
}
