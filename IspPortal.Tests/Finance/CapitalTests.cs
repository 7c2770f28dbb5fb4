using IspPortal.Core.Common;
using IspPortal.Core.Finance.Capital;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>Capital injections through their use case on a real database: Dr Kas/Bank, Cr Modal disetor, exactly once.</summary>
public sealed class CapitalTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
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
    public async Task Capital_into_a_bank_debits_the_bank_and_credits_modal_disetor()
    {
        var outcome = await InjectAsync(new CapitalInput(_today, 50_000_000m, "1-1201", "Budi Santoso", "Setoran modal perluasan", Key()));

        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal([("1-1201", 50_000_000m, 0m), ("3-1100", 0m, 50_000_000m)], await LinesAsync(outcome.Value!.Id));
        var list = await UseAsync(sp => sp.GetRequiredService<CapitalInjections>().ListAsync());
        Assert.Equal((50_000_000m, "Budi Santoso", "1-1201"), (list.Total, list.Rows.Single().Investor, list.Rows.Single().PaidIntoCode));
    }

    [Fact]
    public async Task Cash_is_named_by_its_alias()
    {
        var outcome = await InjectAsync(new CapitalInput(_today, 1_500_000m, MoneyAccounts.Cash, "Siti", "Tambahan kas", Key()));

        Assert.Equal([("1-1100", 1_500_000m, 0m), ("3-1100", 0m, 1_500_000m)], await LinesAsync(outcome.Value!.Id));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_records_one_injection_and_one_entry()
    {
        var input = new CapitalInput(_today, 10_000_000m, "1-1202", "Budi", "Modal kerja", Key());

        var first = await InjectAsync(input);
        var second = await InjectAsync(input);

        Assert.Equal((first.Value!.Id, false, true), (second.Value!.Id, first.Value.AlreadyRecorded, second.Value.AlreadyRecorded));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.CapitalInjections.CountAsync());
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Capital));
    }

    [Fact]
    public async Task The_same_key_for_a_different_amount_is_refused()
    {
        var key = Key();
        await InjectAsync(new CapitalInput(_today, 10_000_000m, "1-1202", "Budi", "Modal kerja", key));

        var other = await InjectAsync(new CapitalInput(_today, 20_000_000m, "1-1202", "Budi", "Modal kerja", key));

        Assert.True(other.Errors.ContainsKey("idempotencyKey"));
    }

    [Fact]
    public async Task Concurrent_requests_with_the_same_key_record_one_injection_and_one_entry()
    {
        var input = new CapitalInput(_today, 7_000_000m, "1-1201", "Investor A", "Setoran", Key());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => InjectAsync(input)));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.FirstError));
        Assert.Single(outcomes.Select(o => o.Value!.Id).Distinct());
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.CapitalInjections.CountAsync());
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Capital));
    }

    [Fact]
    public async Task A_day_in_a_closed_month_is_refused_and_nothing_is_recorded()
    {
        var lastMonth = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-1);
        await using (var db = database.CreateDbContext())
        {
            db.LedgerPeriods.Add(new LedgerPeriod(lastMonth, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var outcome = await InjectAsync(new CapitalInput(lastMonth.AddDays(3), 1_000_000m, MoneyAccounts.Cash, "Budi", "Terlambat", Key()));

        Assert.Contains("sudah ditutup", outcome.Errors["date"][0], StringComparison.Ordinal);
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.CapitalInjections.CountAsync());
        Assert.Equal(0, await check.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Capital));
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Staff)]
    public async Task Without_finance_write_nothing_is_recorded(string role)
    {
        _services.GetRequiredService<TestActor>().Current = Actor.For(null, role.ToLowerInvariant(), [role]);

        var outcome = await InjectAsync(new CapitalInput(_today, 1_000_000m, MoneyAccounts.Cash, "Budi", "x", Key()));

        Assert.Equal(Actor.NotPermitted, outcome.FirstError);
    }

    [Fact]
    public async Task A_future_date_and_an_unknown_account_are_refused_on_their_fields()
    {
        var outcome = await InjectAsync(new CapitalInput(_today.AddDays(2), 1_000_000m, "9-9999", "Budi", "x", Key()));
        var account = await InjectAsync(new CapitalInput(_today, 1_000_000m, "9-9999", "Budi", "x", Key()));

        Assert.True(outcome.Errors.ContainsKey("date"));
        Assert.True(account.Errors.ContainsKey("paidInto"));
    }

    private static string Key() => Guid.NewGuid().ToString();

    private Task<Outcome<InjectedCapital>> InjectAsync(CapitalInput input) => UseAsync(sp => sp.GetRequiredService<InjectCapital>().ExecuteAsync(input));

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private async Task<List<(string Account, decimal Debit, decimal Credit)>> LinesAsync(int id)
    {
        await using var db = database.CreateDbContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.Capital && l.Entry.SourceKey == key).OrderBy(l => l.Position)
            .Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        return [.. lines.Select(l => (l.Code, l.Debit, l.Credit))];
    }
}
