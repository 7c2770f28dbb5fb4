using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Finance;

/// <summary>
/// One statement per call: the entries (<c>ON CONFLICT DO NOTHING</c> on their source, so a source
/// that posted before is skipped) and, in the same statement, the lines of those inserted. The
/// database's statement triggers then check every touched entry balances and no entry falls in a
/// closed month (migration <c>Ledger</c>).
/// </summary>
public sealed class PostgresJournalWriter(TimeProvider clock) : IJournalWriter
{
    private const string Insert = """
        WITH drafts AS (
            SELECT * FROM unnest(@idx, @dates, @sources, @keys, @numbers, @memos, @created_by)
                AS d(idx, entry_date, source_type, source_key, source_number, memo, created_by_id)
        ), inserted AS (
            INSERT INTO journal_entries (entry_date, source_type, source_key, source_number, memo, created_by_id, created_at)
            SELECT entry_date, source_type, source_key, source_number, memo, created_by_id, @now FROM drafts ORDER BY idx
            ON CONFLICT (source_type, source_key) DO NOTHING
            RETURNING id, entry_date, source_type, source_key
        ), lines AS (
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit, customer_id, location_code_id, router_id, memo)
            SELECT i.id, i.entry_date, l.position, l.account_id, l.debit, l.credit, l.customer_id, l.location_code_id, l.router_id, l.memo
            FROM unnest(@line_idx, @positions, @accounts, @debits, @credits, @customers, @locations, @routers, @line_memos)
                AS l(idx, position, account_id, debit, credit, customer_id, location_code_id, router_id, memo)
            JOIN drafts d ON d.idx = l.idx
            JOIN inserted i ON i.source_type = d.source_type AND i.source_key = d.source_key
        )
        SELECT id, source_type, source_key FROM inserted
        """;

    public async Task<IReadOnlyDictionary<(JournalSource Source, string Key), long>> PostAsync(IIspDb db, IReadOnlyList<JournalDraft> drafts, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("An entry posts in the transaction of its event: open it first.");
        var posted = new Dictionary<(JournalSource, string), long>();
        if (drafts.Count == 0)
            return posted;
        foreach (var draft in drafts)
            Check(draft);
        var duplicate = drafts.GroupBy(d => (d.Source, d.SourceKey)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two entries for {duplicate.Key.Source} {duplicate.Key.SourceKey} in one call.");

        var lines = drafts.SelectMany((d, index) => d.Lines.Select((l, position) => (Index: index, Position: position + 1, Line: l))).ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(Insert, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddRange(new NpgsqlParameter[]
        {
            PostgresArrays.Parameter("idx", NpgsqlDbType.Integer, Enumerable.Range(0, drafts.Count)),
            PostgresArrays.Parameter("dates", NpgsqlDbType.Date, drafts.Select(d => d.Date)),
            PostgresArrays.Parameter("sources", NpgsqlDbType.Text, drafts.Select(d => d.Source.ToString())),
            PostgresArrays.Parameter("keys", NpgsqlDbType.Text, drafts.Select(d => d.SourceKey)),
            PostgresArrays.Parameter("numbers", NpgsqlDbType.Text, drafts.Select(d => d.SourceNumber)),
            PostgresArrays.Parameter("memos", NpgsqlDbType.Text, drafts.Select(d => d.Memo)),
            PostgresArrays.Parameter("created_by", NpgsqlDbType.Uuid, drafts.Select(d => d.CreatedById)),
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow().UtcDateTime },
            PostgresArrays.Parameter("line_idx", NpgsqlDbType.Integer, lines.Select(l => l.Index)),
            PostgresArrays.Parameter("positions", NpgsqlDbType.Integer, lines.Select(l => l.Position)),
            PostgresArrays.Parameter("accounts", NpgsqlDbType.Integer, lines.Select(l => l.Line.AccountId)),
            PostgresArrays.Parameter("debits", NpgsqlDbType.Numeric, lines.Select(l => l.Line.Debit)),
            PostgresArrays.Parameter("credits", NpgsqlDbType.Numeric, lines.Select(l => l.Line.Credit)),
            PostgresArrays.Parameter("customers", NpgsqlDbType.Integer, lines.Select(l => l.Line.CustomerId)),
            PostgresArrays.Parameter("locations", NpgsqlDbType.Integer, lines.Select(l => l.Line.LocationCodeId)),
            PostgresArrays.Parameter("routers", NpgsqlDbType.Integer, lines.Select(l => l.Line.RouterId)),
            PostgresArrays.Parameter("line_memos", NpgsqlDbType.Text, lines.Select(l => l.Line.Memo)),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            posted[(Enum.Parse<JournalSource>(reader.GetString(1)), reader.GetString(2))] = reader.GetInt64(0);
        return posted;
    }

    private static void Check(JournalDraft draft)
    {
        if (draft.Lines.Count < 2 || draft.TotalDebit != draft.TotalCredit)
            throw new InvalidOperationException($"Journal entry for {draft.Source} {draft.SourceKey} is not a balanced entry of two or more lines.");
        if (draft.SourceKey.Length is 0 or > JournalEntry.SourceKeyMaxLength)
            throw new InvalidOperationException($"Journal source key '{draft.SourceKey}' is empty or too long.");
    }
}
