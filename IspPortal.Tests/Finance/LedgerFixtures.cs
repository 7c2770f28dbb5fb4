using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// A small set of books whose balances are worked out by hand, posted through the real journal
/// writer (so the database's balance and period checks run); posting it twice changes nothing.
/// </summary>
public static class LedgerFixtures
{
    /// <summary>
    /// 10 Jan 2025 capital 10,000,000 into cash; 5 Feb rent 1,500,000 from cash (expense 7);
    /// 20 Feb 3,000,000 cash to Bank BCA; 1 Mar other income 500,000 in cash (income 4).
    /// </summary>
    public static async Task PostBooksAsync(IServiceProvider services, Func<IspDbContext> createDb)
    {
        await PostAsync(services, createDb, map =>
        [
            new JournalDraftBuilder(new DateOnly(2025, 1, 10), JournalSource.Capital, "1", "MODAL-1", "Setoran modal awal")
                .Debit(map[AccountRoles.Cash], 10_000_000m).Credit(map[AccountRoles.Capital], 10_000_000m).Build(),
            new JournalDraftBuilder(new DateOnly(2025, 2, 5), JournalSource.Expense, "7", "EXP/2025/02/0007", "Sewa kantor Februari")
                .Debit(map.ByCode("5-1300")!.Id, 1_500_000m).Credit(map[AccountRoles.Cash], 1_500_000m).Build(),
            new JournalDraftBuilder(new DateOnly(2025, 2, 20), JournalSource.Manual, "setor-bank", null, "Setor kas ke bank")
                .Debit(map[AccountRoles.DefaultBank], 3_000_000m).Credit(map[AccountRoles.Cash], 3_000_000m).Build(),
            new JournalDraftBuilder(new DateOnly(2025, 3, 1), JournalSource.Income, "4", "INC/2025/03/0004", "Sewa menara Maret")
                .Debit(map[AccountRoles.Cash], 500_000m).Credit(map[AccountRoles.OtherRevenue], 500_000m).Build(),
        ]);
    }

    public static async Task PostAsync(IServiceProvider services, Func<IspDbContext> createDb, Func<AccountMap, IReadOnlyList<JournalDraft>> drafts)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = createDb();
        var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<IJournalWriter>().PostAsync(db, drafts(map));
        await transaction.CommitAsync();
    }
}
