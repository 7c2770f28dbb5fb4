using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Billing;

/// <summary>
/// One upsert per reservation: the row's lock is held until the transaction ends, so concurrent
/// reservations in a scope queue behind each other and a rollback leaves no gap.
/// </summary>
public sealed class PostgresDocumentSequences : IDocumentSequences
{
    public async Task<long> ReserveAsync(IIspDb db, string scope, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"Numbers of '{scope}' need an open transaction: the reservation must commit with the documents.");
        var last = await db.Database.SqlQuery<long>($"""
            INSERT INTO document_sequences (scope, last_value) VALUES ({scope}, {(long)count})
            ON CONFLICT (scope) DO UPDATE SET last_value = document_sequences.last_value + EXCLUDED.last_value
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return last.Single() - count + 1;
    }
}
