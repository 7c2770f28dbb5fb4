using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// The other sides of the entries that move cash, which the database appends per month with every posting: read through
/// those totals they equal the sums of the lines for any range, before and after folding, including an entry whose lines
/// came in several statements (its cash line last, then more lines after it) and entries that never touch cash.
/// </summary>
public sealed class LedgerCashMonthTotalsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        await LedgerFixtures.PostBooksAsync(_data.Services, database.CreateDbContext);
        for (var i = 0; i < 10; i++)
        {
            var day = new DateOnly(2024, 12, 20).AddDays(i * 11);
            await LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map =>
            [
                // An invoice (no cash) and its payment by bank (cash), in one posting.
                new JournalDraftBuilder(day, JournalSource.Manual, $"tagihan-{i}", null, "Tagihan")
                    .Debit(map[AccountRoles.Receivable], 200_000m + i).Credit(map[AccountRoles.SubscriptionRevenue], 200_000m + i).Build(),
                new JournalDraftBuilder(day.AddDays(3), JournalSource.Manual, $"bayar-{i}", null, "Pembayaran")
                    .Debit(map[AccountRoles.DefaultBank], 200_000m + i).Credit(map[AccountRoles.Receivable], 150_000m)
                    .Credit(map[AccountRoles.CustomerDeposit], 50_000m + i).Build(),
            ]);
        }
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    public static TheoryData<DateOnly, DateOnly> Ranges => new()
    {
        { new DateOnly(2024, 12, 1), new DateOnly(2025, 3, 31) },
        { new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31) },
        { new DateOnly(2024, 12, 7), new DateOnly(2025, 2, 20) },
        { new DateOnly(2025, 2, 5), new DateOnly(2025, 2, 5) },
        { new DateOnly(2025, 2, 10), new DateOnly(2025, 3, 31) },
        { new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30) },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task Cash_counterparts_through_the_totals_equal_the_lines_before_and_after_folding(DateOnly from, DateOnly to)
    {
        var expected = await LineCounterpartsAsync(from, to);
        Assert.NotEmpty(await PartsAsync());

        Assert.Equal(expected, await CounterpartsAsync(from, to));
        await FoldAsync();
        Assert.Equal(expected, await CounterpartsAsync(from, to));
    }

    [Fact]
    public async Task An_entry_whose_cash_line_comes_in_a_later_statement_counts_all_its_other_lines_once()
    {
        var before = await CounterpartsAsync(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28));
        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Each statement balances on its own (the ledger's guard checks every statement): an invoice's lines first, then
            // the cash receipt that settles part of it, then a fee paid from cash in the same entry.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO journal_entries (entry_date, source_type, source_key, memo, created_at)
                VALUES ('2025-02-14', 'Manual', 'bertahap', 'Dalam beberapa pernyataan', now());
                INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
                SELECT (SELECT id FROM journal_entries WHERE source_key = 'bertahap'), '2025-02-14', p,
                       CASE p WHEN 1 THEN (SELECT id FROM ledger_accounts WHERE role = 'receivable') ELSE (SELECT id FROM ledger_accounts WHERE role = 'revenue-other') END,
                       CASE p WHEN 1 THEN 900 ELSE 0 END, CASE p WHEN 2 THEN 900 ELSE 0 END
                FROM generate_series(1, 2) p;
                INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
                SELECT (SELECT id FROM journal_entries WHERE source_key = 'bertahap'), '2025-02-14', p,
                       CASE p WHEN 3 THEN (SELECT id FROM ledger_accounts WHERE role = 'cash') ELSE (SELECT id FROM ledger_accounts WHERE role = 'receivable') END,
                       CASE p WHEN 3 THEN 400 ELSE 0 END, CASE p WHEN 4 THEN 400 ELSE 0 END
                FROM generate_series(3, 4) p;
                INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
                SELECT (SELECT id FROM journal_entries WHERE source_key = 'bertahap'), '2025-02-14', p,
                       CASE p WHEN 5 THEN (SELECT id FROM ledger_accounts WHERE role = 'gateway-fee') ELSE (SELECT id FROM ledger_accounts WHERE role = 'cash') END,
                       CASE p WHEN 5 THEN 25 ELSE 0 END, CASE p WHEN 6 THEN 25 ELSE 0 END
                FROM generate_series(5, 6) p;
                """);
            await transaction.CommitAsync();
        }

        var after = await CounterpartsAsync(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28));
        var map = await AccountsAsync();
        (decimal, decimal) Change(string role) => Minus(after.GetValueOrDefault(map[role]), before.GetValueOrDefault(map[role]));
        Assert.Equal((900m, 400m), Change(AccountRoles.Receivable));
        Assert.Equal((0m, 900m), Change(AccountRoles.OtherRevenue));
        Assert.Equal((25m, 0m), Change(AccountRoles.GatewayFee));
        Assert.DoesNotContain(map[AccountRoles.Cash], after.Keys);
        Assert.Equal(await LineCounterpartsAsync(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), after);
    }

    [Fact]
    public async Task Entries_without_cash_add_nothing()
    {
        var parts = await PartsAsync();
        var map = await AccountsAsync();
        var invoiced = parts.Where(p => p.AccountId == map[AccountRoles.SubscriptionRevenue]).Sum(p => p.Credit);

        Assert.Equal(0m, invoiced);
        Assert.Equal(10 * 150_000m, parts.Where(p => p.AccountId == map[AccountRoles.Receivable]).Sum(p => p.Credit));
    }

    private static (decimal, decimal) Minus((decimal Debit, decimal Credit) a, (decimal Debit, decimal Credit) b) => (a.Debit - b.Debit, a.Credit - b.Credit);

    private async Task<Dictionary<string, int>> AccountsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.LedgerAccounts.Where(a => a.Role != null).ToDictionaryAsync(a => a.Role!, a => a.Id);
    }

    private async Task<int> FoldAsync()
    {
        await using var scope = _data.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILedgerTotalsCompactor>().CompactAsync();
    }

    private async Task<Dictionary<int, (decimal Debit, decimal Credit)>> CounterpartsAsync(DateOnly from, DateOnly to)
    {
        await using var db = database.CreateDbContext();
        var cash = await CashAccountsAsync(db);
        return await LedgerSums.CashCounterparts(db, cash, from, to).ToDictionaryAsync(s => s.AccountId, s => (s.Debit, s.Credit));
    }

    /// <summary>The definition, line by line in memory: every non-cash line of an entry that has a cash line.</summary>
    private async Task<Dictionary<int, (decimal Debit, decimal Credit)>> LineCounterpartsAsync(DateOnly from, DateOnly to)
    {
        await using var db = database.CreateDbContext();
        var cash = await CashAccountsAsync(db);
        var lines = await db.JournalLines.AsNoTracking().Where(l => l.EntryDate >= from && l.EntryDate <= to).ToListAsync();
        return lines.GroupBy(l => l.EntryId)
            .Where(entry => entry.Any(l => cash.Contains(l.AccountId)))
            .SelectMany(entry => entry.Where(l => !cash.Contains(l.AccountId)))
            .GroupBy(l => l.AccountId)
            .ToDictionary(g => g.Key, g => (g.Sum(l => l.Debit), g.Sum(l => l.Credit)));
    }

    private static async Task<List<int>> CashAccountsAsync(Infrastructure.Persistence.IspDbContext db) =>
        await db.LedgerAccounts.Where(a => a.Kind == AccountKind.Cash || a.Kind == AccountKind.Bank || a.Kind == AccountKind.Clearing)
            .Select(a => a.Id).ToListAsync();

    private async Task<List<LedgerCashMonthTotal>> PartsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.LedgerCashMonthTotals.AsNoTracking().ToListAsync();
    }
}
