using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>The recurring expense job on a real database: due day, catch-up, exactly once under retries and concurrency, ended, stopped and closed months.</summary>
public sealed class RecurringExpenseJobTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    /// <summary>20 May 2026, 10:00 in Jakarta.</summary>
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Nothing_before_the_day_then_one_posted_expense_on_it()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        var id = await SaveAsync(data, new RecurringExpenseInput("bandwidth", "Upstream 1 Gbps", 10_000_000m, 1_100_000m, "1-1201", 25, new DateOnly(2026, 5, 1), Vendor: "PT Upstream"));

        var before = await RunAsync(data);
        data.Clock.Advance(TimeSpan.FromDays(5));
        var onTheDay = await RunAsync(data);

        Assert.Equal(new RecurringRun(0, 0, 0, 0), before);
        Assert.Equal(new RecurringRun(1, 0, 0, 0), onTheDay);
        var expense = Assert.Single(await ExpensesAsync(data));
        Assert.Equal((new DateOnly(2026, 5, 25), $"recurring:{id}:2026-05", ExpenseStatus.Approved, "PT Upstream", "Upstream 1 Gbps (05/2026)"),
            (expense.ExpenseDate, expense.IdempotencyKey, expense.Status, expense.Vendor, expense.Description));
        Assert.Equal([("5-1100", 10_000_000m, 0m), ("1-1500", 1_100_000m, 0m), ("1-1201", 0m, 11_100_000m)], await LinesAsync(data, expense.Id));
    }

    [Fact]
    public async Task Two_missed_months_are_caught_up_once_each_and_a_second_run_posts_nothing()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        // Starts after March's day: April and May were missed while nobody ran the job.
        var id = await SaveAsync(data, new RecurringExpenseInput("sewa", "Sewa tower", 5_000_000m, 0m, MoneyAccounts.Payable, 10, new DateOnly(2026, 3, 15)));

        var first = await RunAsync(data);
        var second = await RunAsync(data);

        Assert.Equal(new RecurringRun(2, 0, 0, 0), first);
        Assert.Equal(new RecurringRun(0, 0, 0, 0), second);
        var expenses = await ExpensesAsync(data);
        Assert.Equal([new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10)], expenses.Select(e => e.ExpenseDate));
        Assert.All(expenses, e => Assert.True(e.OnCredit));
        await using var db = data.Database.CreateDbContext();
        Assert.Equal(2, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense));
        Assert.Equal(new DateOnly(2026, 5, 1), (await db.RecurringExpenses.SingleAsync(r => r.Id == id)).LastCreatedMonth);
    }

    [Fact]
    public async Task A_month_recorded_before_a_crash_is_found_not_recorded_again()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        var id = await SaveAsync(data, new RecurringExpenseInput("listrik", "PLN POP", 800_000m, 0m, MoneyAccounts.Cash, 5, new DateOnly(2026, 5, 1)));
        await RunAsync(data);
        await using (var db = data.Database.CreateDbContext())
            await db.RecurringExpenses.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastCreatedMonth, (DateOnly?)null));

        var retry = await RunAsync(data);

        Assert.Equal(new RecurringRun(0, 1, 0, 0), retry);
        Assert.Single(await ExpensesAsync(data));
    }

    [Fact]
    public async Task Concurrent_runs_post_each_month_once()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        await SaveAsync(data, new RecurringExpenseInput("bandwidth", "Upstream", 7_000_000m, 770_000m, "1-1202", 1, new DateOnly(2026, 3, 1)));

        // Straight through the use case, past the job's lock: the months' keys alone must keep them single.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => data.UseAsync(sp => sp.GetRequiredService<CreateRecurringExpenses>().ExecuteAsync(new DateOnly(2026, 5, 20)))));

        Assert.All(runs, r => Assert.True(r.Succeeded, r.FirstError));
        Assert.Equal(3, runs.Sum(r => r.Value!.Recorded));
        Assert.Equal(0, runs.Sum(r => r.Value!.Failed));
        var expenses = await ExpensesAsync(data);
        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)], expenses.Select(e => e.ExpenseDate));
        await using var db = data.Database.CreateDbContext();
        Assert.Equal(3, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense));
    }

    [Fact]
    public async Task Ended_and_stopped_ones_post_nothing_more()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        var ended = await SaveAsync(data, new RecurringExpenseInput("sewa", "Sewa lama", 1_000_000m, 0m, MoneyAccounts.Cash, 10, new DateOnly(2026, 3, 1), EndsOn: new DateOnly(2026, 4, 5)));
        var stopped = await SaveAsync(data, new RecurringExpenseInput("listrik", "PLN gudang", 300_000m, 0m, MoneyAccounts.Cash, 10, new DateOnly(2026, 3, 1)));
        var stop = await data.UseAsync(sp => sp.GetRequiredService<RecurringExpenses>().StopAsync(stopped));
        Assert.True(stop.Succeeded, stop.FirstError);

        var run = await RunAsync(data);

        Assert.Equal(new RecurringRun(1, 0, 0, 0), run);
        var expense = Assert.Single(await ExpensesAsync(data));
        Assert.Equal((new DateOnly(2026, 3, 10), $"recurring:{ended}:2026-03"), (expense.ExpenseDate, expense.IdempotencyKey));
    }

    [Fact]
    public async Task A_closed_month_is_skipped_and_not_tried_again()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        await using (var db = data.Database.CreateDbContext())
        {
            db.LedgerPeriods.Add(new LedgerPeriod(new DateOnly(2026, 4, 1), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        await SaveAsync(data, new RecurringExpenseInput("bandwidth", "Upstream", 2_000_000m, 0m, MoneyAccounts.Cash, 10, new DateOnly(2026, 4, 1)));

        var run = await RunAsync(data);
        var again = await RunAsync(data);

        Assert.Equal(new RecurringRun(1, 0, 1, 0), run);
        Assert.Equal(new RecurringRun(0, 0, 0, 0), again);
        Assert.Equal([new DateOnly(2026, 5, 10)], (await ExpensesAsync(data)).Select(e => e.ExpenseDate));
    }

    [Fact]
    public async Task Only_finance_write_sets_them_up_and_bad_input_is_refused_in_indonesian()
    {
        await using var data = await FinanceTestData.StartAsync(database, Now);
        var input = new RecurringExpenseInput("bandwidth", "Upstream", 2_000_000m, 0m, MoneyAccounts.Cash, 10, new DateOnly(2026, 4, 1));
        data.ActAs(Actor.For(null, "staf", [Roles.Staff]));
        var byStaff = await data.UseAsync(sp => sp.GetRequiredService<RecurringExpenses>().SaveAsync(null, input));
        data.ActAs(Actor.For(null, "keu", [Roles.Finance]));
        var badDay = await data.UseAsync(sp => sp.GetRequiredService<RecurringExpenses>().SaveAsync(null, input with { DayOfMonth = 31 }));

        Assert.Equal(Actor.NotPermitted, byStaff.FirstError);
        Assert.Equal("Tanggal tiap bulan 1 sampai 28.", badDay.Errors["dayOfMonth"][0]);
        await using var db = data.Database.CreateDbContext();
        Assert.Equal(0, await db.RecurringExpenses.CountAsync());
    }

    private static async Task<int> SaveAsync(FinanceTestData data, RecurringExpenseInput input)
    {
        var saved = await data.UseAsync(sp => sp.GetRequiredService<RecurringExpenses>().SaveAsync(null, input));
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value;
    }

    private static async Task<RecurringRun> RunAsync(FinanceTestData data)
    {
        var run = await data.UseAsync(sp => sp.GetRequiredService<CreateRecurringExpenses>().RunScheduledAsync());
        Assert.NotNull(run);
        return run;
    }

    private static async Task<List<Expense>> ExpensesAsync(FinanceTestData data)
    {
        await using var db = data.Database.CreateDbContext();
        return await db.Expenses.AsNoTracking().OrderBy(e => e.ExpenseDate).ToListAsync();
    }

    private static async Task<List<(string Account, decimal Debit, decimal Credit)>> LinesAsync(FinanceTestData data, int id)
    {
        await using var db = data.Database.CreateDbContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.Expense && l.Entry.SourceKey == key).OrderBy(l => l.Position)
            .Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        return [.. lines.Select(l => (l.Code, l.Debit, l.Credit))];
    }
}
