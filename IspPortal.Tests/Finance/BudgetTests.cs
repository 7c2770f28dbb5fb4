using IspPortal.Core.Common;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>Budgets per account and month against the ledger's actuals, and Finance told once per threshold.</summary>
public sealed class BudgetTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 20, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await CoreServices.EnsureRolesAsync(_services);
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        var finance = new PortalUser { UserName = "sari", FullName = "Sari Keuangan", PhoneNumber = "+6281200000001", Email = "sari@example.test", IsActive = true };
        Assert.True((await users.CreateAsync(finance, "Rahasia-Panjang-123")).Succeeded);
        Assert.True((await users.AddToRoleAsync(finance, Roles.Finance)).Succeeded);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Budget_versus_actual_reads_the_ledger_per_month_on_each_accounts_side()
    {
        var amounts = Enumerable.Repeat(10_000_000m, 12).ToArray();
        Assert.True((await PlansAsync(p => p.SaveYearAsync("5-1100", 2025, amounts))).Succeeded);
        Assert.True((await PlansAsync(p => p.SaveYearAsync("4-1100", 2025, Enumerable.Repeat(50_000_000m, 12).ToArray()))).Succeeded);
        await PostAsync(new DateOnly(2025, 2, 27), "5-1100", 9_500_000m, "1-1201");
        await PostAsync(new DateOnly(2025, 3, 2), "5-1100", 4_000_000m, "1-1201");
        await PostAsync(new DateOnly(2025, 3, 5), "1-1300", 42_000_000m, "4-1100");

        var year = (await PlansAsync(p => p.ForYearAsync(2025))).Value!;

        var bandwidth = year.Single(l => l.AccountCode == "5-1100");
        Assert.Equal((9_500_000m, 500_000m, 95.0m), (bandwidth.Months[1].Actual, bandwidth.Months[1].Variance, bandwidth.Months[1].UsedPercent));
        Assert.Equal((4_000_000m, 40.0m), (bandwidth.Months[2].Actual, bandwidth.Months[2].UsedPercent));
        Assert.Equal((120_000_000m, 13_500_000m), (bandwidth.Budget, bandwidth.Actual));
        var revenue = year.Single(l => l.AccountCode == "4-1100");
        Assert.Equal(42_000_000m, revenue.Months[2].Actual);
    }

    [Fact]
    public async Task Only_revenue_and_expense_accounts_take_a_budget_and_amounts_must_be_whole_rupiah_for_twelve_months()
    {
        var cash = await PlansAsync(p => p.SaveYearAsync("1-1100", 2025, Enumerable.Repeat(1m, 12).ToArray()));
        var eleven = await PlansAsync(p => p.SaveYearAsync("5-1100", 2025, Enumerable.Repeat(1m, 11).ToArray()));
        var sen = await PlansAsync(p => p.SaveYearAsync("5-1100", 2025, Enumerable.Repeat(1.5m, 12).ToArray()));
        _services.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), "manajer", [Roles.Manager]);
        var manager = await PlansAsync(p => p.SaveYearAsync("5-1100", 2025, Enumerable.Repeat(1m, 12).ToArray()));

        Assert.Contains("bukan", cash.Errors["AccountCode"].Single(), StringComparison.Ordinal);
        Assert.True(eleven.Errors.ContainsKey("Amounts"));
        Assert.True(sen.Errors.ContainsKey("Amounts"));
        Assert.False(manager.Succeeded);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Budgets.CountAsync());
    }

    [Fact]
    public async Task Finance_is_told_once_at_ninety_and_once_at_a_hundred_percent_of_the_months_budget()
    {
        Assert.True((await PlansAsync(p => p.SaveYearAsync("5-1400", 2025, Enumerable.Repeat(2_000_000m, 12).ToArray()))).Succeeded);
        await PostAsync(new DateOnly(2025, 3, 3), "5-1400", 1_500_000m, "1-1100");
        var below = await CheckAsync();
        await PostAsync(new DateOnly(2025, 3, 10), "5-1400", 350_000m, "1-1100");
        var ninety = await CheckAsync();
        var again = await CheckAsync();
        await PostAsync(new DateOnly(2025, 3, 15), "5-1400", 300_000m, "1-1100");
        var hundred = await CheckAsync();

        // WhatsApp and e-mail for the one Finance user, per threshold.
        Assert.Equal((0, 2, 0, 2), (below, ninety, again, hundred));
        await using var db = database.CreateDbContext();
        var keys = await db.OutboxMessages.Where(m => m.Template == "budget_threshold").OrderBy(m => m.Id).Select(m => new { m.IdempotencyKey, m.Parameters }).ToListAsync();
        Assert.Contains(":2025-03:90:", keys[0].IdempotencyKey, StringComparison.Ordinal);
        Assert.Contains(":2025-03:100:", keys[2].IdempotencyKey, StringComparison.Ordinal);
        Assert.Contains("Rp 2.150.000", keys[2].Parameters, StringComparison.Ordinal);
    }

    private async Task<T> PlansAsync<T>(Func<BudgetPlans, Task<T>> run)
    {
        await using var scope = _services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<BudgetPlans>());
    }

    private async Task<int> CheckAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BudgetAlerts>().CheckAsync();
    }

    private async Task PostAsync(DateOnly date, string debitCode, decimal amount, string creditCode)
    {
        await using var scope = _services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
        await scope.ServiceProvider.GetRequiredService<IJournalWriter>().PostAsync(db,
            [new JournalDraftBuilder(date, JournalSource.Manual, Guid.NewGuid().ToString("N"), null, "Uji").Debit(map.ByCode(debitCode)!.Id, amount).Credit(map.ByCode(creditCode)!.Id, amount).Build()]);
        await transaction.CommitAsync();
    }
}
