using IspPortal.Core.Common;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.OtherIncome;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Finance;

/// <summary>Inserts the missing standard categories on the accounts of their codes; a conflict (another instance seeding) is skipped, not raised.</summary>
public sealed class PostgresFinanceCategorySeeder : IFinanceCategorySeeder
{
    public async Task EnsureAsync(IIspDb db, CancellationToken cancellationToken = default)
    {
        foreach (var category in StandardExpenseCategories.All)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO expense_categories (code, name, account_id)
                SELECT {category.Code}, {category.Name}, id FROM ledger_accounts WHERE code = {category.AccountCode}
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
        foreach (var category in StandardIncomeCategories.All)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO income_categories (code, name, account_id)
                SELECT {category.Code}, {category.Name}, id FROM ledger_accounts WHERE code = {category.AccountCode}
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
    }
}
