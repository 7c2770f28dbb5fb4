using IspPortal.Core.Common;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>Expenses through their use cases on a real database: what each case posts, exactly once, and who may do what.</summary>
public sealed class ExpenseTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
        await using var scope = _services.CreateAsyncScope();
        _today = await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Paid_in_cash_debits_the_category_and_credits_cash()
    {
        var recorded = await RecordAsync(new ExpenseInput(_today, "listrik", 1_250_000m, "PLN kantor", MoneyAccounts.Cash, Key()));

        Assert.Equal(ExpenseStatus.Approved, recorded.Status);
        Assert.Matches(@"^EXP/\d{4}/\d{2}/0001$", recorded.Number);
        Assert.Equal([("5-1400", 1_250_000m, 0m), ("1-1100", 0m, 1_250_000m)], await LinesAsync(JournalSource.Expense, recorded.Id));
    }

    [Fact]
    public async Task Paid_from_a_bank_with_vat_debits_ppn_masukan_and_credits_the_bank_with_the_total()
    {
        var recorded = await RecordAsync(new ExpenseInput(_today, "bandwidth", 10_000_000m, "Upstream Desember", "1-1202", Key(), Vat: 1_100_000m, Vendor: "PT Upstream"));

        Assert.Equal([("5-1100", 10_000_000m, 0m), ("1-1500", 1_100_000m, 0m), ("1-1202", 0m, 11_100_000m)], await LinesAsync(JournalSource.Expense, recorded.Id));
    }

    [Fact]
    public async Task Owed_credits_utang_usaha_and_paying_it_later_moves_it_to_the_bank()
    {
        var recorded = await RecordAsync(new ExpenseInput(_today, "sewa", 5_000_000m, "Sewa tower", MoneyAccounts.Payable, Key(), Vat: 550_000m));
        Assert.Equal([("5-1300", 5_000_000m, 0m), ("1-1500", 550_000m, 0m), ("2-1100", 0m, 5_550_000m)], await LinesAsync(JournalSource.Expense, recorded.Id));
        Assert.Empty(await LinesAsync(JournalSource.ExpensePayment, recorded.Id));

        var paid = await UseAsync(sp => sp.GetRequiredService<ReviewExpense>().PayAsync(recorded.Id, "1-1201"));
        var again = await UseAsync(sp => sp.GetRequiredService<ReviewExpense>().PayAsync(recorded.Id, "1-1201"));

        Assert.True(paid.Succeeded, paid.FirstError);
        Assert.False(again.Succeeded);
        Assert.Equal([("2-1100", 5_550_000m, 0m), ("1-1201", 0m, 5_550_000m)], await LinesAsync(JournalSource.ExpensePayment, recorded.Id));
    }

    [Fact]
    public async Task The_same_key_twice_records_one_expense_and_one_entry()
    {
        var input = new ExpenseInput(_today, "gaji", 3_000_000m, "Gaji teknisi", MoneyAccounts.Cash, Key());

        var first = await RecordAsync(input);
        var second = await RecordAsync(input);

        Assert.Equal((first.Id, false, true), (second.Id, first.AlreadyRecorded, second.AlreadyRecorded));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Expenses.CountAsync());
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense));
    }

    [Fact]
    public async Task Concurrent_submits_with_the_same_key_record_one_expense_and_one_entry()
    {
        var input = new ExpenseInput(_today, "transportasi", 200_000m, "Bensin", MoneyAccounts.Cash, Key());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => UseAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(input))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.FirstError));
        Assert.Single(outcomes.Select(o => o.Value!.Id).Distinct());
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Expenses.CountAsync());
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense));
    }

    [Fact]
    public async Task Staff_submit_posts_nothing_until_finance_approves()
    {
        ActAs(Roles.Staff);
        var submitted = await RecordAsync(new ExpenseInput(_today, "perawatan", 750_000m, "Kabel drop", MoneyAccounts.Cash, Key()));
        Assert.Equal(ExpenseStatus.Submitted, submitted.Status);
        Assert.Empty(await LinesAsync(JournalSource.Expense, submitted.Id));
        var staffApproves = await UseAsync(sp => sp.GetRequiredService<ReviewExpense>().ApproveAsync(submitted.Id));
        Assert.False(staffApproves.Succeeded);

        ActAs(Roles.Finance);
        var approved = await UseAsync(sp => sp.GetRequiredService<ReviewExpense>().ApproveAsync(submitted.Id));

        Assert.Equal(ExpenseStatus.Approved, approved.Value);
        Assert.Equal([("5-1500", 750_000m, 0m), ("1-1100", 0m, 750_000m)], await LinesAsync(JournalSource.Expense, submitted.Id));
    }

    [Fact]
    public async Task A_rejected_submission_posts_nothing_and_keeps_its_reason()
    {
        ActAs(Roles.Technician);
        var submitted = await RecordAsync(new ExpenseInput(_today, "lain-lain", 90_000m, "Makan", MoneyAccounts.Cash, Key()));
        ActAs(Roles.Finance);

        var rejected = await UseAsync(sp => sp.GetRequiredService<ReviewExpense>().RejectAsync(submitted.Id, "Bukan biaya kantor"));
        var approvedAfter = await UseAsync(sp => sp.GetRequiredService<ReviewExpense>().ApproveAsync(submitted.Id));

        Assert.Equal(ExpenseStatus.Rejected, rejected.Value);
        Assert.False(approvedAfter.Succeeded);
        Assert.Empty(await LinesAsync(JournalSource.Expense, submitted.Id));
        await using var db = database.CreateDbContext();
        Assert.Equal("Bukan biaya kantor", (await db.Expenses.SingleAsync()).RejectionReason);
    }

    [Fact]
    public async Task A_day_in_a_closed_month_is_refused_in_indonesian()
    {
        var lastMonth = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-1);
        await using (var db = database.CreateDbContext())
        {
            db.LedgerPeriods.Add(new LedgerPeriod(lastMonth, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var outcome = await UseAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(
            new ExpenseInput(lastMonth.AddDays(3), "listrik", 100_000m, "PLN", MoneyAccounts.Cash, Key())));

        Assert.Contains("sudah ditutup", outcome.Errors["date"][0], StringComparison.Ordinal);
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.Expenses.CountAsync());
    }

    [Fact]
    public async Task Manager_and_others_without_submit_or_write_cannot_record()
    {
        ActAs(Roles.Manager);

        var outcome = await UseAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(
            new ExpenseInput(_today, "listrik", 100_000m, "PLN", MoneyAccounts.Cash, Key())));

        Assert.Equal(Actor.NotPermitted, outcome.FirstError);
    }

    [Fact]
    public async Task The_standard_categories_point_at_their_expense_accounts()
    {
        var categories = await UseAsync(sp => sp.GetRequiredService<FinanceCategories>().ExpenseAsync());

        Assert.Equal(10, categories.Count);
        Assert.Equal("5-1100", categories.Single(c => c.Code == "bandwidth").AccountCode);
        Assert.Equal("5-9900", categories.Single(c => c.Code == "lain-lain").AccountCode);
    }

    [Fact]
    public async Task A_category_whose_account_was_deactivated_records_nothing_and_says_why()
    {
        var categories = await UseAsync(sp => sp.GetRequiredService<FinanceCategories>().ExpenseAsync());
        var bandwidth = categories.Single(c => c.Code == "bandwidth");
        var deactivated = await UseAsync(sp => sp.GetRequiredService<ChartOfAccounts>().SetActiveAsync(bandwidth.AccountId, false));
        Assert.True(deactivated.Succeeded, deactivated.FirstError);

        var outcome = await UseAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(
            new ExpenseInput(_today, "bandwidth", 100_000m, "Upstream", MoneyAccounts.Cash, Key())));

        Assert.Equal($"Akun 5-1100 untuk kategori '{bandwidth.Name}' sudah tidak aktif; pilih kategori lain.", outcome.Errors["categoryCode"].Single());
        Assert.False((await UseAsync(sp => sp.GetRequiredService<FinanceCategories>().ExpenseAsync())).Single(c => c.Code == "bandwidth").AccountActive);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Expenses.CountAsync());
    }

    private static string Key() => Guid.NewGuid().ToString();

    private void ActAs(string role) => _services.GetRequiredService<TestActor>().Current = Actor.For(null, role.ToLowerInvariant(), [role]);

    private async Task<RecordedExpense> RecordAsync(ExpenseInput input)
    {
        var outcome = await UseAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(input));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private async Task<List<(string Account, decimal Debit, decimal Credit)>> LinesAsync(JournalSource source, int id)
    {
        await using var db = database.CreateDbContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == source && l.Entry.SourceKey == key).OrderBy(l => l.Position)
            .Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        return [.. lines.Select(l => (l.Code, l.Debit, l.Credit))];
    }
}
