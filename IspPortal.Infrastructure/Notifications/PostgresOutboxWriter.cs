using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Notifications;

public sealed class PostgresOutboxWriter : IOutboxWriter
{
    private const string Insert = """
        INSERT INTO notification_outbox (idempotency_key, channel, recipient, customer_id, template, parameters, status, attempt_count, next_attempt_at, created_at)
        SELECT v.idempotency_key, v.channel, v.recipient, v.customer_id, v.template, v.parameters::jsonb, 'Pending', 0, v.created_at, v.created_at
        FROM unnest(@keys, @channels, @recipients, @customer_ids, @templates, @parameters, @created_at)
            AS v(idempotency_key, channel, recipient, customer_id, template, parameters, created_at)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    public async Task<int> InsertNewAsync(IIspDb db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("Messages are queued in the transaction of the change that causes them: open it first.");
        if (messages.Count == 0)
            return 0;
        await using var command = new NpgsqlCommand(Insert, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddRange(new NpgsqlParameter[]
        {
            PostgresArrays.Parameter("keys", NpgsqlDbType.Text, messages.Select(m => m.IdempotencyKey)),
            PostgresArrays.Parameter("channels", NpgsqlDbType.Text, messages.Select(m => m.Channel.ToString())),
            PostgresArrays.Parameter("recipients", NpgsqlDbType.Text, messages.Select(m => m.Recipient)),
            PostgresArrays.Parameter("customer_ids", NpgsqlDbType.Integer, messages.Select(m => m.CustomerId)),
            PostgresArrays.Parameter("templates", NpgsqlDbType.Text, messages.Select(m => m.Template)),
            PostgresArrays.Parameter("parameters", NpgsqlDbType.Text, messages.Select(m => m.Parameters)),
            PostgresArrays.Parameter("created_at", NpgsqlDbType.TimestampTz, messages.Select(m => m.CreatedAt.UtcDateTime)),
        });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
