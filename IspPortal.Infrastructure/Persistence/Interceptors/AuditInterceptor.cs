using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Writes an <c>audit_logs</c> row for every insert, update and delete saved through the context,
/// in the same transaction as the change: who (<see cref="ICurrentUser"/>), when
/// (<see cref="TimeProvider"/>), which row, and the column values before and after — only the
/// changed columns for an update, secrets masked.
/// </summary>
/// <remarks>
/// An inserted row's key is known only after the insert, so the rows are written when EF has
/// saved. When the caller has no transaction open, the interceptor opens one before EF saves and
/// commits it after the audit rows are in, so the change and its audit commit together. (That is
/// also why a retrying execution strategy cannot be combined with this interceptor without
/// wrapping the whole operation in the strategy.)
/// </remarks>
public sealed class AuditInterceptor(TimeProvider time, ICurrentUser? currentUser = null) : SaveChangesInterceptor
{
    public const string Masked = "***";
    private const int RowsPerInsert = 1000;

    private readonly ConditionalWeakTable<DbContext, PendingAudit> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Capture(context) is { } pending)
        {
            if (context.Database.CurrentTransaction is null)
            {
                pending.OwnedTransaction = context.Database.BeginTransaction();
            }
            _pending.AddOrUpdate(context, pending);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Capture(context) is { } pending)
        {
            if (context.Database.CurrentTransaction is null)
            {
                pending.OwnedTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
            }
            _pending.AddOrUpdate(context, pending);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            using var owned = pending.OwnedTransaction;
            var actor = currentUser?.GetAsync().AsTask().GetAwaiter().GetResult() ?? Actor.System;
            foreach (var (sql, parameters) in InsertCommands(pending, actor))
            {
                context.Database.ExecuteSqlRaw(sql, parameters);
            }
            owned?.Commit();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            await using var owned = pending.OwnedTransaction;
            var actor = currentUser is null ? Actor.System : await currentUser.GetAsync(cancellationToken);
            foreach (var (sql, parameters) in InsertCommands(pending, actor))
            {
                await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            }
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            pending.OwnedTransaction?.Dispose();
        }
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            if (pending.OwnedTransaction is { } owned)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private PendingAudit? Capture(DbContext context)
    {
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Metadata.IsNotAudited() || entry.Metadata.GetTableName() is not { } table)
            {
                continue;
            }
            var audit = entry.State switch
            {
                EntityState.Added => new AuditEntry(entry, table, AuditAction.Insert, null, null, null),
                EntityState.Deleted => new AuditEntry(entry, table, AuditAction.Delete, KeyOf(entry), Values(entry, p => p.OriginalValue, _ => true), null),
                _ => Modified(entry, table),
            };
            if (audit is not null)
            {
                entries.Add(audit);
            }
        }
        return entries.Count == 0 ? null : new PendingAudit(time.GetUtcNow(), entries);
    }

    private static AuditEntry? Modified(EntityEntry entry, string table)
    {
        static bool Changed(PropertyEntry p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
        if (!entry.Properties.Any(p => Changed(p) && !p.Metadata.IsNotAudited()))
        {
            return null;
        }
        return new AuditEntry(entry, table, AuditAction.Update, KeyOf(entry),
            Values(entry, p => p.OriginalValue, Changed), Values(entry, p => p.CurrentValue, Changed));
    }

    private static IEnumerable<(string Sql, object[] Parameters)> InsertCommands(PendingAudit pending, Actor actor)
    {
        foreach (var chunk in pending.Entries.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder("INSERT INTO audit_logs (occurred_at, user_id, user_name, entity, entity_key, action, changes) VALUES ");
            var parameters = new List<object>(chunk.Length * 7);
            foreach (var audit in chunk)
            {
                var after = audit.Action == AuditAction.Insert ? Values(audit.Entry, p => p.CurrentValue, _ => true) : audit.After;
                var changes = new JsonObject { ["before"] = audit.Before, ["after"] = after };
                var first = parameters.Count;
                sql.Append(first == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@p{first}, @p{first + 1}, @p{first + 2}, @p{first + 3}, @p{first + 4}, @p{first + 5}, @p{first + 6})");
                parameters.Add(new NpgsqlParameter($"p{first}", NpgsqlDbType.TimestampTz) { Value = pending.OccurredAt });
                parameters.Add(new NpgsqlParameter($"p{first + 1}", NpgsqlDbType.Uuid) { Value = (object?)actor.UserId ?? DBNull.Value });
                parameters.Add(new NpgsqlParameter($"p{first + 2}", NpgsqlDbType.Varchar) { Value = actor.Name });
                parameters.Add(new NpgsqlParameter($"p{first + 3}", NpgsqlDbType.Varchar) { Value = audit.Table });
                parameters.Add(new NpgsqlParameter($"p{first + 4}", NpgsqlDbType.Varchar) { Value = audit.Key ?? KeyOf(audit.Entry) });
                parameters.Add(new NpgsqlParameter($"p{first + 5}", NpgsqlDbType.Varchar) { Value = audit.Action.ToString() });
                parameters.Add(new NpgsqlParameter($"p{first + 6}", NpgsqlDbType.Jsonb) { Value = changes.ToJsonString() });
            }
            yield return (sql.ToString(), parameters.ToArray());
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static JsonObject Values(EntityEntry entry, Func<PropertyEntry, object?> value, Func<PropertyEntry, bool> include)
    {
        var values = new JsonObject();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsNotAudited() || !include(property))
            {
                continue;
            }
            var raw = value(property);
            values[property.Metadata.GetColumnName()] = property.Metadata.IsSensitive() && raw is not null
                ? JsonValue.Create(Masked)
                : ToJson(raw);
        }
        return values;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        Enum e => JsonValue.Create(e.ToString()),
        IPAddress ip => JsonValue.Create(ip.ToString()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };

    private sealed record AuditEntry(EntityEntry Entry, string Table, AuditAction Action, string? Key, JsonObject? Before, JsonObject? After);

    private sealed class PendingAudit(DateTimeOffset occurredAt, List<AuditEntry> entries)
    {
        public DateTimeOffset OccurredAt { get; } = occurredAt;

        public List<AuditEntry> Entries { get; } = entries;

        public IDbContextTransaction? OwnedTransaction { get; set; }
    }
}
