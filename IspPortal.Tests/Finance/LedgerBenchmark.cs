using System.Diagnostics;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace IspPortal.Tests.Finance;

/// <summary>
/// The books' read side over 2,000,000 journal lines (targets: trial balance under 500 ms, an account
/// ledger page under 100 ms). Run with: dotnet test --filter "FullyQualifiedName~LedgerBenchmark" --logger "console;verbosity=detailed".
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class LedgerBenchmark(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Entries = 1_000_000;
    private const int UnfoldedPostings = 10_000;
    private static readonly string[] DebitCodes = ["1-1100", "1-1201", "1-1300", "5-1100", "5-1200"];
    private static readonly string[] CreditCodes = ["4-1100", "2-1300", "1-1300", "2-1100", "1-1100"];

    [Fact]
    public async Task Trial_balance_and_account_ledger_over_two_million_lines()
    {
        await database.ResetAsync();
        await using var services = CoreServices.Build(database.ConnectionString);
        var seed = Stopwatch.StartNew();
        await SeedAsync(services);
        output.WriteLine($"seeded {Entries + UnfoldedPostings:N0} entries / {2 * (Entries + UnfoldedPostings):N0} lines in {seed.Elapsed.TotalSeconds:N1} s");

        var ledger = services.CreateScope().ServiceProvider.GetRequiredService<AccountLedger>();
        var (_, unfoldedTimes) = await TimeAsync(() => ledger.PageAsync("1-1100", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)));
        var parts = await CountPartsAsync();
        var trialBalanceUnfolded = services.CreateScope().ServiceProvider.GetRequiredService<TrialBalance>();
        var (_, trialUnfoldedTimes) = await TimeAsync(() => trialBalanceUnfolded.AtAsync(new DateOnly(2025, 12, 31)));
        var fold = Stopwatch.StartNew();
        var folded = await services.CreateScope().ServiceProvider.GetRequiredService<ILedgerTotalsCompactor>().CompactAsync();
        output.WriteLine($"before the fold ({parts:N0} month-total parts): account ledger 1-1100 December page 1 {Describe(unfoldedTimes)}; trial balance {Describe(trialUnfoldedTimes)}");
        output.WriteLine($"fold of {folded:N0} parts into {await CountPartsAsync():N0} rows: {fold.Elapsed.TotalMilliseconds:N0} ms");

        var trialBalance = services.CreateScope().ServiceProvider.GetRequiredService<TrialBalance>();
        var atEnd = new DateOnly(2025, 12, 31);
        var (view, trialTimes) = await TimeAsync(() => trialBalance.AtAsync(atEnd));
        Assert.True(view.Succeeded && view.Value!.Balanced);
        output.WriteLine($"trial balance at {atEnd} over {2 * (Entries + UnfoldedPostings):N0} lines ({view.Value!.Accounts.Count} accounts): {Describe(trialTimes)} → target 500 ms {(trialTimes.Min() < 500 ? "met" : "NOT met")}");
        var (_, midYearTimes) = await TimeAsync(() => trialBalance.AtAsync(new DateOnly(2025, 6, 30)));
        output.WriteLine($"trial balance at 2025-06-30: {Describe(midYearTimes)}");

        var (december, firstPageTimes) = await TimeAsync(() => ledger.PageAsync("1-1100", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)));
        Assert.True(december.Succeeded && december.Value!.Lines.Count == AccountLedger.PageSize);
        output.WriteLine($"account ledger 1-1100, December 2025, page 1 (opening over the year before): {Describe(firstPageTimes)} → target 100 ms {(firstPageTimes.Min() < 100 ? "met" : "NOT met")}");
        var (_, deepPageTimes) = await TimeAsync(() => ledger.PageAsync("1-1100", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31), page: 20));
        output.WriteLine($"account ledger 1-1100, December 2025, page 21: {Describe(deepPageTimes)}");
        var (_, yearTimes) = await TimeAsync(() => ledger.PageAsync("1-1100", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)));
        output.WriteLine($"account ledger 1-1100, two whole years, page 1: {Describe(yearTimes)}");

        var journal = services.CreateScope().ServiceProvider.GetRequiredService<JournalSearch>();
        var (_, journalTimes) = await TimeAsync(() => journal.PageAsync(new JournalFilter(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31), "1-1100")));
        output.WriteLine($"journal search, December 2025 on 1-1100, page 1: {Describe(journalTimes)}");
    }

    /// <summary>Two years of entries, two lines each over ten accounts; the lines in one statement, so each entry balances when the trigger checks.</summary>
    private async Task SeedAsync(ServiceProvider services)
    {
        await using var db = database.CreateDbContext();
        var map = await services.CreateScope().ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
        var debits = string.Join(", ", DebitCodes.Select(c => map.ByCode(c)!.Id));
        var credits = string.Join(", ", CreditCodes.Select(c => map.ByCode(c)!.Id));
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(20));
        // Integers only: nothing to inject.
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO journal_entries (entry_date, source_type, source_key, source_number, memo, created_at)
            SELECT date '2024-01-01' + (g % 731), 'Manual', 'bench-' || g, 'BN/' || g, 'Entri uji ' || g, now()
            FROM generate_series(1, {Entries}) g;
            """);
        var lines = $"""
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
            SELECT e.id, e.entry_date, p.position,
                   CASE p.position WHEN 1 THEN (ARRAY[{debits}])[1 + e.id % 5] ELSE (ARRAY[{credits}])[1 + (e.id / 5) % 5] END,
                   CASE p.position WHEN 1 THEN 1000 * (1 + e.id % 97) ELSE 0 END,
                   CASE p.position WHEN 2 THEN 1000 * (1 + e.id % 97) ELSE 0 END
            FROM journal_entries e CROSS JOIN generate_series(1, 2) AS p(position)
            WHERE e.source_type = 'Manual' AND e.source_key LIKE 'bench-%';
            """;
        await db.Database.ExecuteSqlRawAsync(lines);
        // Then ten minutes of a busy day between two folds: 10,000 postings, each its own statements, each appending month-total parts.
        var busyDay = $"""
            DO $$
            DECLARE entry bigint;
            BEGIN
                FOR g IN 1..{UnfoldedPostings} LOOP
                    INSERT INTO journal_entries (entry_date, source_type, source_key, memo, created_at)
                    VALUES (date '2025-12-01' + (g % 31), 'Income', 'busy-' || g, 'Pendapatan lain ' || g, now()) RETURNING id INTO entry;
                    INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
                    VALUES (entry, date '2025-12-01' + (g % 31), 1, {map.ByCode("1-1100")!.Id}, 5000, 0),
                           (entry, date '2025-12-01' + (g % 31), 2, {map.ByCode("4-9100")!.Id}, 0, 5000);
                END LOOP;
            END $$;
            """;
        await db.Database.ExecuteSqlRawAsync(busyDay);
        // What autovacuum does soon after a bulk load in production: statistics and the visibility map.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE journal_entries, journal_lines, ledger_month_totals", connection) { CommandTimeout = 1200 };
        await vacuum.ExecuteNonQueryAsync();
    }

    private async Task<long> CountPartsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.LedgerMonthTotals.LongCountAsync();
    }

    private static async Task<(T Result, List<double> Milliseconds)> TimeAsync<T>(Func<Task<T>> run)
    {
        var result = await run();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (result, times);
    }

    private static string Describe(List<double> times) =>
        $"best {times.Min():N1} ms, median {times.Order().ElementAt(times.Count / 2):N1} ms (5 runs after one warm-up)";
}
