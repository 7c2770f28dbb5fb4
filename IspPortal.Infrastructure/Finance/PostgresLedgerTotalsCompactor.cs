using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>
/// One statement deletes the parts of every account-month that has more than one and inserts their
/// sum. Parts appended by transactions that commit meanwhile are not in the statement's snapshot, so
/// they are neither deleted nor counted and stay for the next run; two runs at once cannot count a
/// part twice (the second finds the first's deleted rows gone).
/// </summary>
public sealed class PostgresLedgerTotalsCompactor(IIspDbFactory dbs) : ILedgerTotalsCompactor
{
    public async Task<int> CompactAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Raw command, not SqlQueryRaw: a data-modifying WITH must stay at the top level, not in EF's subquery.
        command.CommandText = """
            WITH split AS (
                SELECT account_id, month FROM ledger_month_totals GROUP BY account_id, month HAVING count(*) > 1
            ), gone AS (
                DELETE FROM ledger_month_totals t USING split s
                WHERE t.account_id = s.account_id AND t.month = s.month
                RETURNING t.account_id, t.month, t.debit, t.credit
            ), kept AS (
                INSERT INTO ledger_month_totals (account_id, month, debit, credit)
                SELECT account_id, month, sum(debit), sum(credit) FROM gone GROUP BY account_id, month
            )
            SELECT count(*)::int FROM gone
            """;
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
