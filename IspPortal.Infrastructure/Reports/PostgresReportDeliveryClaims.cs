using IspPortal.Core.Common;
using IspPortal.Core.Reports.Saved;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// Claims a schedule's occurrence with one insert that does nothing on the (schedule, due) unique index: a second instance's insert
/// waits for the first transaction, then inserts nothing once it commits (or takes over if it rolled back).
/// </summary>
public sealed class PostgresReportDeliveryClaims : IReportDeliveryClaims
{
    private const string Insert = """
        INSERT INTO report_deliveries (schedule_id, due_at, status, message, outbox_ids, created_at)
        VALUES (@schedule_id, @due_at, 'Failed', 'Sedang dikirim.', '{}', @created_at)
        ON CONFLICT (schedule_id, due_at) DO NOTHING
        RETURNING id
        """;

    public async Task<long?> ClaimAsync(IIspDb db, int scheduleId, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("A delivery is claimed in the transaction that sends it: open it first.");
        await using var command = new NpgsqlCommand(Insert, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("schedule_id", scheduleId);
        command.Parameters.AddWithValue("due_at", dueAt.UtcDateTime);
        command.Parameters.AddWithValue("created_at", now.UtcDateTime);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }
}
