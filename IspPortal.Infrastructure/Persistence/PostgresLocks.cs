using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>PostgreSQL transaction-level advisory locks, keyed by a hash of the lock's name.</summary>
public sealed class PostgresLocks : IDatabaseLocks
{
    public async Task LockForTransactionAsync(IIspDb db, string name, CancellationToken cancellationToken = default)
    {
        EnsureTransaction(db, name);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", cancellationToken);
    }

    public async Task<bool> TryLockForTransactionAsync(IIspDb db, string name, CancellationToken cancellationToken = default)
    {
        EnsureTransaction(db, name);
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtext({name})) AS \"Value\"").SingleAsync(cancellationToken);
    }

    private static void EnsureTransaction(IIspDb db, string name)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"Lock '{name}' needs an open transaction: it is released when the transaction ends.");
    }
}
