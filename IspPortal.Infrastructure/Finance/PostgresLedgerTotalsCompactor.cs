using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>
/// For each table of totals the database appends (the ledger's month totals, cash month totals and segment month totals, and the collection report's
/// billed month totals and allocation quarter totals), one statement deletes the parts of every key (account and month, month,
/// quarter and method) that has more than one and inserts their sum. Parts appended by transactions that commit meanwhile
/// are not in the statement's snapshot, so they are neither deleted nor counted and stay for the next run; two runs at once
/// cannot count a part twice (the second finds the first's deleted rows gone).
/// </summary>
public sealed class PostgresLedgerTotalsCompactor(IIspDbFactory dbs) : ILedgerTotalsCompactor
{
    private static readonly (string Table, string Keys, string[] Sums)[] Tables =
    [
        ("ledger_month_totals", "account_id, month", ["debit", "credit"]),
        ("ledger_cash_month_totals", "account_id, month", ["debit", "credit"]),
        ("ledger_segment_month_totals", "dimension, dimension_id, account_id, month", ["debit", "credit"]),
        ("billed_month_totals", "month", ["amount"]),
        ("allocation_quarter_totals", "quarter, method", ["amount", "count", "issue_days"]),
    ];

    public async Task<int> CompactAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var folded = 0;
        foreach (var (table, keys, sums) in Tables)
        {
            var match = string.Join(" AND ", keys.Split(", ").Select(k => $"t.{k} = s.{k}"));
            var returned = string.Join(", ", keys.Split(", ").Concat(sums).Select(c => $"t.{c}"));
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Raw command, not SqlQueryRaw: a data-modifying WITH must stay at the top level, not in EF's subquery.
            command.CommandText = $"""
                WITH split AS (
                    SELECT {keys} FROM {table} GROUP BY {keys} HAVING count(*) > 1
                ), gone AS (
                    DELETE FROM {table} t USING split s WHERE {match}
                    RETURNING {returned}
                ), kept AS (
                    INSERT INTO {table} ({keys}, {string.Join(", ", sums)})
                    SELECT {keys}, {string.Join(", ", sums.Select(c => $"sum({c})"))} FROM gone GROUP BY {keys}
                )
                SELECT count(*)::int FROM gone
                """;
            folded += (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        return folded;
    }
}
