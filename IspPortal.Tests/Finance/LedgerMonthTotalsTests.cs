using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// The month totals the database appends with every posting: balances read through them equal the
/// sums of the lines for any range, before and after the parts are folded, even while postings and
/// other folds run at the same time.
/// </summary>
public sealed class LedgerMonthTotalsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        await LedgerFixtures.PostBooksAsync(_data.Services, database.CreateDbContext);
        // Postings in several statements across three months and a year boundary.
        for (var i = 0; i < 12; i++)
        {
            var day = new DateOnly(2024, 11, 28).AddDays(i * 9);
            await LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map =>
            [
                new JournalDraftBuilder(day, JournalSource.Income, $"sewa-{i}", null, "Sewa menara")
                    .Debit(map[AccountRoles.Cash], 100_000m * (i + 1)).Credit(map[AccountRoles.OtherRevenue], 100_000m * (i + 1)).Build(),
            ]);
        }
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    public static TheoryData<DateOnly?, DateOnly> Ranges => new()
    {
        { null, new DateOnly(2025, 3, 31) },
        { null, new DateOnly(2025, 2, 4) },
        { new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 31) },
        { new DateOnly(2024, 12, 7), new DateOnly(2025, 2, 20) },
        { new DateOnly(2025, 1, 10), new DateOnly(2025, 1, 10) },
        { new DateOnly(2025, 2, 5), new DateOnly(2025, 2, 28) },
        { new DateOnly(2024, 1, 1), new DateOnly(2024, 11, 27) },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task Sums_through_the_month_totals_equal_the_lines_before_and_after_folding(DateOnly? from, DateOnly to)
    {
        var expected = await LineSumsAsync(from, to);
        Assert.NotEmpty(await PartsAsync());

        Assert.Equal(expected, await SumsAsync(from, to));
        await FoldAsync();
        Assert.Equal(expected, await SumsAsync(from, to));
    }

    [Fact]
    public async Task Folding_leaves_one_row_per_account_and_month_and_changes_no_total()
    {
        var before = await PartsAsync();
        Assert.Contains(before.GroupBy(p => (p.AccountId, p.Month)), g => g.Count() > 1);
        var cashParts = await CashPartsAsync();

        var folded = await FoldAsync();

        var after = await PartsAsync();
        Assert.Equal(before.GroupBy(p => (p.AccountId, p.Month)).Where(g => g.Count() > 1).Sum(g => g.Count())
            + cashParts.GroupBy(p => (p.AccountId, p.Month)).Where(g => g.Count() > 1).Sum(g => g.Count()), folded);
        Assert.All((await CashPartsAsync()).GroupBy(p => (p.AccountId, p.Month)), g => Assert.Single(g));
        Assert.All(after.GroupBy(p => (p.AccountId, p.Month)), g => Assert.Single(g));
        Assert.Equal(Totals(before), Totals(after));
        Assert.Equal(0, await FoldAsync());
    }

    [Fact]
    public async Task Folds_running_alongside_postings_and_each_other_never_lose_or_double_a_part()
    {
        var postings = Enumerable.Range(0, 24).Select(i => LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map =>
        [
            new JournalDraftBuilder(new DateOnly(2025, 1 + i % 3, 1 + i), JournalSource.Income, $"paralel-{i}", null, "Pendapatan lain")
                .Debit(map[AccountRoles.Cash], 1_000m + i).Credit(map[AccountRoles.OtherRevenue], 1_000m + i).Build(),
        ]));
        var folds = Enumerable.Range(0, 6).Select(_ => FoldAsync());

        await Task.WhenAll([.. postings, .. folds]);

        Assert.Equal(await LineSumsAsync(null, new DateOnly(2025, 12, 31)), await SumsAsync(null, new DateOnly(2025, 12, 31)));
        await FoldAsync();
        var parts = await PartsAsync();
        Assert.All(parts.GroupBy(p => (p.AccountId, p.Month)), g => Assert.Single(g));
        Assert.Equal(await LineSumsAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)), await SumsAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public async Task The_trial_balance_and_an_account_ledger_read_the_same_through_folded_totals()
    {
        var trialBefore = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 2, 28))).Value!;
        var ledgerBefore = (await Use<AccountLedger>().PageAsync("1-1100", new DateOnly(2025, 2, 10), new DateOnly(2025, 3, 31))).Value!;

        await FoldAsync();

        var trialAfter = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 2, 28))).Value!;
        var ledgerAfter = (await Use<AccountLedger>().PageAsync("1-1100", new DateOnly(2025, 2, 10), new DateOnly(2025, 3, 31))).Value!;
        Assert.Equal(trialBefore.Accounts, trialAfter.Accounts);
        Assert.Equal((ledgerBefore.Opening, ledgerBefore.Debit, ledgerBefore.Credit, ledgerBefore.Closing),
            (ledgerAfter.Opening, ledgerAfter.Debit, ledgerAfter.Credit, ledgerAfter.Closing));
        var cashLines = await LineSumsAsync(null, new DateOnly(2025, 2, 9));
        var cash = (await database.CreateDbContext().LedgerAccounts.SingleAsync(a => a.Code == "1-1100")).Id;
        Assert.Equal(cashLines[cash].Debit - cashLines[cash].Credit, ledgerAfter.Opening);
        Assert.True(trialAfter.Balanced);
    }

    private T Use<T>() where T : notnull => _data.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<int> FoldAsync()
    {
        await using var scope = _data.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILedgerTotalsCompactor>().CompactAsync();
    }

    private async Task<Dictionary<int, (decimal Debit, decimal Credit)>> SumsAsync(DateOnly? from, DateOnly to)
    {
        await using var db = database.CreateDbContext();
        return await LedgerSums.Between(db, from, to).ToDictionaryAsync(s => s.AccountId, s => (s.Debit, s.Credit));
    }

    private async Task<Dictionary<int, (decimal Debit, decimal Credit)>> LineSumsAsync(DateOnly? from, DateOnly to)
    {
        await using var db = database.CreateDbContext();
        var start = from ?? DateOnly.MinValue;
        return await db.JournalLines.Where(l => l.EntryDate >= start && l.EntryDate <= to)
            .GroupBy(l => l.AccountId)
            .ToDictionaryAsync(g => g.Key, g => (g.Sum(l => l.Debit), g.Sum(l => l.Credit)));
    }

    private async Task<List<LedgerCashMonthTotal>> CashPartsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.LedgerCashMonthTotals.AsNoTracking().ToListAsync();
    }

    private async Task<List<LedgerMonthTotal>> PartsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.LedgerMonthTotals.AsNoTracking().ToListAsync();
    }

    private static (decimal, decimal) Totals(List<LedgerMonthTotal> parts) => (parts.Sum(p => p.Debit), parts.Sum(p => p.Credit));
}
