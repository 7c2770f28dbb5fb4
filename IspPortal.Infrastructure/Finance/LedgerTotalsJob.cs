using Coravel.Invocable;
using IspPortal.Core.Finance.Ledger;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Every ten minutes: folds the month-total parts (all lines and cash entries' other sides) the postings appended since the last run.</summary>
public sealed class LedgerTotalsJob(ILedgerTotalsCompactor compactor, ILogger<LedgerTotalsJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var folded = await compactor.CompactAsync(CancellationToken);
        if (folded > 0)
            logger.LogDebug("Folded {Parts} ledger month-total parts", folded);
    }
}
