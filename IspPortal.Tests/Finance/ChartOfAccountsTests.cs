using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>Finance edits the chart: codes unique and well formed, used accounts never deleted, role accounts always active.</summary>
public sealed class ChartOfAccountsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, BillingTestData.MidMarch2025());
        await LedgerFixtures.PostBooksAsync(_data.Services, database.CreateDbContext);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private ChartOfAccounts Chart => _data.Services.CreateScope().ServiceProvider.GetRequiredService<ChartOfAccounts>();

    private async Task<AccountView> AccountAsync(string code) => (await Chart.ListAsync()).Value!.Single(a => a.Code == code);

    [Fact]
    public async Task An_added_account_lists_with_the_chart_and_a_second_with_its_code_is_refused()
    {
        var added = await Chart.AddAsync(new AccountInput("1-1203", " Bank BRI ", AccountType.Asset, AccountKind.Bank));
        var again = await Chart.AddAsync(new AccountInput("1-1203", "Bank BNI", AccountType.Asset, AccountKind.Bank));

        Assert.True(added.Succeeded, added.FirstError);
        var listed = await AccountAsync("1-1203");
        Assert.Equal(("Bank BRI", AccountKind.Bank, true, false, (string?)null), (listed.Name, listed.Kind, listed.IsActive, listed.Used, listed.Role));
        Assert.Equal(ChartOfAccounts.DuplicateCode, again.Errors[nameof(AccountInput.Code)].Single());
    }

    [Theory]
    [InlineData("11100", "Kas kecil", AccountType.Asset, AccountKind.Cash, nameof(AccountInput.Code))]
    [InlineData("1-1101", "", AccountType.Asset, AccountKind.Cash, nameof(AccountInput.Name))]
    [InlineData("5-1450", "Beban kas?", AccountType.Expense, AccountKind.Cash, nameof(AccountInput.Kind))]
    public async Task Malformed_codes_empty_names_and_money_kinds_outside_assets_are_refused(string code, string name, AccountType type, AccountKind kind, string field)
    {
        var outcome = await Chart.AddAsync(new AccountInput(code, name, type, kind));

        Assert.True(outcome.Errors.ContainsKey(field), string.Join(" ", outcome.Errors.Keys));
    }

    [Fact]
    public async Task A_used_account_cannot_be_deleted_but_can_be_deactivated_and_renamed()
    {
        var rent = await AccountAsync("5-1300");

        var deleted = await Chart.DeleteAsync(rent.Id);
        var renamed = await Chart.RenameAsync(rent.Id, "5-1310", "Beban sewa kantor");
        var deactivated = await Chart.SetActiveAsync(rent.Id, active: false);

        Assert.Equal(ChartOfAccounts.InUse, deleted.FirstError);
        Assert.True(renamed.Succeeded && deactivated.Succeeded);
        var after = await AccountAsync("5-1310");
        Assert.Equal(("Beban sewa kantor", false, true), (after.Name, after.IsActive, after.Used));
        Assert.True(await Chart.SetActiveAsync(rent.Id, active: true) is { Succeeded: true });
    }

    [Fact]
    public async Task An_account_never_posted_to_is_deleted()
    {
        var added = (await Chart.AddAsync(new AccountInput("5-1450", "Beban internet kantor", AccountType.Expense))).Value;

        var deleted = await Chart.DeleteAsync(added);

        Assert.True(deleted.Succeeded, deleted.FirstError);
        await using var db = database.CreateDbContext();
        Assert.False(await db.LedgerAccounts.AnyAsync(a => a.Code == "5-1450"));
    }

    [Fact]
    public async Task An_account_postings_find_by_role_stays_active_and_renaming_it_keeps_its_role()
    {
        var cash = await AccountAsync("1-1100");

        var deactivated = await Chart.SetActiveAsync(cash.Id, active: false);
        var renamed = await Chart.RenameAsync(cash.Id, "1-1110", "Kas besar");
        var duplicate = await Chart.RenameAsync(cash.Id, "1-1201", "Kas besar");

        Assert.Equal(ChartOfAccounts.RoleAccountStaysActive, deactivated.FirstError);
        Assert.True(renamed.Succeeded, renamed.FirstError);
        Assert.Equal(ChartOfAccounts.DuplicateCode, duplicate.FirstError);
        var after = await AccountAsync("1-1110");
        Assert.Equal((AccountRoles.Cash, true), (after.Role, after.IsActive));
    }
}
