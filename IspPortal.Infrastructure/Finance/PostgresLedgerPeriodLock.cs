using IspPortal.Core.Common;
using IspPortal.Core.Finance.Periods;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>
/// SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE lock every insert takes and with itself:
/// writers wait until the closing commits (and then meet the closed month), reads go on.
/// </summary>
public sealed class PostgresLedgerPeriodLock : ILedgerPeriodLock
{
    public async Task LockJournalAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The journal is locked for a transaction: open it first.");
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE journal_entries IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
    }
}
