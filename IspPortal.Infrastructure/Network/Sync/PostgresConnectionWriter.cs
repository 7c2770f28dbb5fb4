using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Network.Sync;

/// <summary>
/// Two set-based statements per call, whatever the number of customers: an <c>UPDATE … FROM
/// unnest(…)</c> for the connections and an <c>INSERT … SELECT unnest(…)</c> for the status logs.
/// The update's redundant <c>c.id = ANY(@ids)</c> lets PostgreSQL find a router's customers through
/// the primary key instead of joining the unnested rows to a scan of every customer.
/// </summary>
public sealed class PostgresConnectionWriter : IConnectionWriter
{
    private const string UpdateConnections = """
        UPDATE customers AS c
        SET connection_state = v.state, current_ip = v.ip, session_started_at = v.started,
            last_seen_at = v.last_seen, connection_changed_at = v.changed_at
        FROM unnest(@ids, @states, @ips, @started, @last_seen, @changed_at) AS v(id, state, ip, started, last_seen, changed_at)
        WHERE c.id = v.id AND c.id = ANY(@ids)
        """;

    private const string InsertLogs = """
        INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source)
        SELECT v.customer_id, v.changed_at, 'Connection', v.from_value, v.to_value, 'Sync'
        FROM unnest(@customer_ids, @changed_at, @from_values, @to_values) AS v(customer_id, changed_at, from_value, to_value)
        """;

    public async Task WriteAsync(IIspDb db, IReadOnlyCollection<ConnectionWrite> writes, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Connections and their status logs are written in one transaction: open it first.");
        if (writes.Count == 0)
            return;

        await db.Database.ExecuteSqlRawAsync(UpdateConnections,
        [
            PostgresArrays.Parameter("ids", NpgsqlDbType.Integer, writes.Select(w => w.CustomerId)),
            PostgresArrays.Parameter("states", NpgsqlDbType.Text, writes.Select(w => w.After.State.ToString())),
            PostgresArrays.Parameter("ips", NpgsqlDbType.Inet, writes.Select(w => w.After.CurrentIp)),
            PostgresArrays.Parameter("started", NpgsqlDbType.TimestampTz, writes.Select(w => Utc(w.After.SessionStartedAt))),
            PostgresArrays.Parameter("last_seen", NpgsqlDbType.TimestampTz, writes.Select(w => Utc(w.After.LastSeenAt))),
            PostgresArrays.Parameter("changed_at", NpgsqlDbType.TimestampTz, writes.Select(w => Utc(w.After.ChangedAt))),
        ], cancellationToken);

        var logs = writes.Select(w => w.After.LogSince(w.Before, w.CustomerId)).OfType<CustomerStatusLog>().ToList();
        if (logs.Count == 0)
            return;
        await db.Database.ExecuteSqlRawAsync(InsertLogs,
        [
            PostgresArrays.Parameter("customer_ids", NpgsqlDbType.Integer, logs.Select(l => l.CustomerId)),
            PostgresArrays.Parameter("changed_at", NpgsqlDbType.TimestampTz, logs.Select(l => (DateTime?)l.ChangedAt.UtcDateTime)),
            PostgresArrays.Parameter("from_values", NpgsqlDbType.Text, logs.Select(l => l.FromValue)),
            PostgresArrays.Parameter("to_values", NpgsqlDbType.Text, logs.Select(l => l.ToValue)),
        ], cancellationToken);
    }

    private static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;
}
