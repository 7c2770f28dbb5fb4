using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Inserts what is missing of the standard chart; a conflict (another instance seeding) is skipped, not raised, so the caller's transaction survives.</summary>
public sealed class PostgresStandardChartSeeder : IStandardChartSeeder
{
    public async Task EnsureAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        foreach (var account in StandardChart.Accounts)
        {
            var type = account.Type.ToString();
            var kind = account.Kind.ToString();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ledger_accounts (code, name, type, kind, role, is_active)
                SELECT {account.Code}, {account.Name}, {type}, {kind}, {account.Role}, TRUE
                WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts WHERE code = {account.Code} OR role = {account.Role})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
    }
}
