using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>
/// For each totals table (<c>ledger_month_totals</c>, <c>ledger_cash_month_totals</c>), one statement deletes the parts of
/// every account-month that has more than one and inserts their sum. Parts appended by transactions that commit meanwhile
/// are not in the statement's snapshot, so they are neither deleted nor counted and stay for the next run; two runs at once
/// cannot count a part twice (the second finds the first's deleted rows gone).
/// </summary>
public sealed class PostgresLedgerTotalsCompactor(IIspDbFactory dbs) : ILedgerTotalsCompactor
{
    private static readonly string[] Tables = ["ledger_month_totals", "ledger_cash_month_totals"];

    public async Task<int> CompactAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var folded = 0;
        foreach (var table in Tables)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Raw command, not SqlQueryRaw: a data-modifying WITH must stay at the top level, not in EF's subquery.
            command.CommandText = $"""
                WITH split AS (
                    SELECT account_id, month FROM {table} GROUP BY account_id, month HAVING count(*) > 1
                ), gone AS (
                    DELETE FROM {table} t USING split s
                    WHERE t.account_id = s.account_id AND t.month = s.month
                    RETURNING t.account_id, t.month, t.debit, t.credit
                ), kept AS (
                    INSERT INTO {table} (account_id, month, debit, credit)
                    SELECT account_id, month, sum(debit), sum(credit) FROM gone GROUP BY account_id, month
                )
                SELECT count(*)::int FROM gone
                """;
            folded += (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        return folded;
    }
}
