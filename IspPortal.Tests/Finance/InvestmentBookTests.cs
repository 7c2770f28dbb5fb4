using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Investments;
using IspPortal.Core.Finance.OtherIncome;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// An expansion project read from books written by the real use cases on PostgreSQL (15 March 2025):
/// March's invoice of a customer at the linked location, tower rent tagged with it, an OLT bought for it
/// and depreciated in February, and a tagged maintenance expense; a customer elsewhere does not count.
/// </summary>
public sealed class InvestmentBookTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync() => _data = await BillingTestData.StartAsync(database, _clock);

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private TestActor Actor => _data.Services.GetRequiredService<TestActor>();

    [Fact]
    public async Task Invested_revenue_costs_and_roi_are_the_hand_computed_figures()
    {
        var here = await _data.CustomerAsync("Pelanggan Karawang");
        var elsewhere = await CustomerElsewhereAsync();
        var id = await CreateAsync(new InvestmentInput("INV-KCB-2025", "Perluasan Karawang", Start, 15_000_000m, "OLT baru dan ODP"));
        Assert.True((await ManageAsync(m => m.LinkAsync(id, InvestmentLinkKind.Location, here.LocationCodeId))).Succeeded);
        // March's invoices: 200.000 each for both customers (no PPN); only the linked location's counts.
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<GenerateInvoices>().ExecuteAsync(new DateOnly(2025, 3, 1), BillingRunTrigger.Manual))).Succeeded);
        await _data.PayAsync(new PaymentInput(here.Code, PaymentMethod.Cash, 200_000m, "tunai"));
        // The OLT: 12.000.000 from Kas on 20 January, 250.000 a month from February.
        var olt = await _data.InScopeAsync(sp => sp.GetRequiredService<RegisterAsset>().ExecuteAsync(
            new AssetInput("AST-NET-0001", "OLT ZTE C320", "network", new DateOnly(2025, 1, 20), 12_000_000m, PaidFromAccountCode: "1-1100")));
        Assert.True(olt.Succeeded, olt.FirstError);
        Assert.True((await ManageAsync(m => m.LinkAsync(id, InvestmentLinkKind.Asset, olt.Value))).Succeeded);
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<DepreciateAssets>().ExecuteAsync(new DateOnly(2025, 2, 28)))).Succeeded);
        // Maintenance 1.500.000 + PPN 165.000 tagged; another expense not tagged.
        var tagged = await ExpenseAsync(new DateOnly(2025, 3, 10), 1_500_000m, 165_000m);
        await ExpenseAsync(new DateOnly(2025, 3, 11), 999_000m, 0m);
        Assert.True((await ManageAsync(m => m.TagExpenseAsync(tagged, id))).Succeeded);
        // Tower rent at the site: 2.000.000 on 5 March, tagged.
        var rent = await IncomeAsync();
        Assert.True((await ManageAsync(m => m.TagIncomeAsync(rent, id))).Succeeded);

        var detail = (await BookAsync(b => b.DetailAsync(id))).Value!;
        var summary = Assert.Single((await BookAsync(b => b.ListAsync())).Value!);

        // Revenue 200.000 + 2.000.000; costs 250.000 + 1.500.000; net 450.000 on 12.000.000 = 3,75 %.
        Assert.Equal((12_000_000m, 2_200_000m, 1_750_000m, 3.75m, (int?)null),
            (detail.Return.Invested, detail.Return.Revenue, detail.Return.Costs, detail.Return.RoiPercent, detail.Return.PaybackMonths));
        Assert.Equal(
            [
                new InvestmentMonth(new DateOnly(2025, 1, 1), 0m, 0m, 0m, 0m),
                new InvestmentMonth(new DateOnly(2025, 2, 1), 0m, 250_000m, -250_000m, -250_000m),
                new InvestmentMonth(new DateOnly(2025, 3, 1), 2_200_000m, 1_500_000m, 700_000m, 450_000m),
            ], detail.Return.Months);
        Assert.Equal(new InvestmentSummary(id, "INV-KCB-2025", "Perluasan Karawang", Start, InvestmentStatus.Active, 15_000_000m,
            12_000_000m, 2_200_000m, 1_750_000m, 3.75m, null), summary);
        Assert.Equal(["KCB"], detail.Locations.Select(l => l.Code));
        Assert.Equal([("AST-NET-0001", (decimal?)12_000_000m)], detail.Assets.Select(a => (a.Code, a.Amount)));
        Assert.Equal([1_500_000m], detail.Expenses.Select(e => e.Amount!.Value));
        Assert.Equal([2_000_000m], detail.Income.Select(i => i.Amount!.Value));
        Assert.NotEqual(here.LocationCodeId, elsewhere.LocationCodeId);

        // Linking the other customer's location adds its 200.000.
        Assert.True((await ManageAsync(m => m.LinkAsync(id, InvestmentLinkKind.Location, elsewhere.LocationCodeId))).Succeeded);
        Assert.Equal(2_400_000m, (await BookAsync(b => b.DetailAsync(id))).Value!.Return.Revenue);
    }

    [Fact]
    public async Task The_pickers_offer_only_what_is_not_linked_or_tagged_yet()
    {
        var here = await _data.CustomerAsync();
        var elsewhere = await CustomerElsewhereAsync();
        var id = await CreateAsync(new InvestmentInput("INV-1", "Satu", Start, 0m, null));
        await ManageAsync(m => m.LinkAsync(id, InvestmentLinkKind.Location, here.LocationCodeId));
        var tagged = await ExpenseAsync(new DateOnly(2025, 3, 10), 100_000m, 0m);
        var free = await ExpenseAsync(new DateOnly(2025, 3, 11), 200_000m, 0m);
        await ManageAsync(m => m.TagExpenseAsync(tagged, id));
        var rent = await IncomeAsync();

        var choices = (await BookAsync(b => b.ChoicesAsync(id))).Value!;

        Assert.Equal([elsewhere.LocationCodeId], choices.Locations.Select(l => l.Id));
        Assert.Equal([free], choices.Expenses.Select(e => e.Id));
        Assert.Equal([rent], choices.Income.Select(i => i.Id));
        await ManageAsync(m => m.TagIncomeAsync(rent, id));
        Assert.Empty((await BookAsync(b => b.ChoicesAsync(id))).Value!.Income);
    }

    [Fact]
    public async Task Without_finance_read_the_book_answers_nothing()
    {
        var id = await CreateAsync(new InvestmentInput("INV-1", "Satu", Start, 0m, null));
        Actor.Current = Core.Identity.Actor.For(Guid.NewGuid(), "teknisi", [Roles.Technician]);

        var list = await BookAsync(b => b.ListAsync());
        var detail = await BookAsync(b => b.DetailAsync(id));
        var choices = await BookAsync(b => b.ChoicesAsync(id));

        Assert.Equal([Core.Identity.Actor.NotPermitted, Core.Identity.Actor.NotPermitted, Core.Identity.Actor.NotPermitted],
            new[] { list.FirstError, detail.FirstError, choices.FirstError });
        Assert.Null(list.Value);
        Assert.Null(detail.Value);
    }

    [Fact]
    public async Task Without_finance_write_nothing_is_created_linked_tagged_edited_or_moved()
    {
        var here = await _data.CustomerAsync();
        var id = await CreateAsync(new InvestmentInput("INV-1", "Satu", Start, 0m, null));
        var expense = await ExpenseAsync(new DateOnly(2025, 3, 10), 100_000m, 0m);
        var rent = await IncomeAsync();
        Actor.Current = Core.Identity.Actor.For(Guid.NewGuid(), "manajer", [Roles.Manager]);

        var outcomes = new[]
        {
            (await ManageAsync(m => m.CreateAsync(new InvestmentInput("INV-2", "Dua", Start, 0m, null)))).FirstError,
            (await ManageAsync(m => m.LinkAsync(id, InvestmentLinkKind.Location, here.LocationCodeId))).FirstError,
            (await ManageAsync(m => m.TagExpenseAsync(expense, id))).FirstError,
            (await ManageAsync(m => m.TagIncomeAsync(rent, id))).FirstError,
            (await ManageAsync(m => m.UpdateAsync(id, new InvestmentInput("INV-1", "Baru", Start, 0m, null)))).FirstError,
            (await ManageAsync(m => m.ChangeStatusAsync(id, InvestmentStatus.Completed))).FirstError,
        };

        Assert.All(outcomes, e => Assert.Equal(Core.Identity.Actor.NotPermitted, e));
        Assert.True((await BookAsync(b => b.ListAsync())).Succeeded, "a manager still reads");
        await using var db = database.CreateDbContext();
        var saved = await db.Investments.SingleAsync();
        Assert.Equal(("Satu", InvestmentStatus.Active, 0), (saved.Name, saved.Status, await db.InvestmentLocations.CountAsync()));
        Assert.Null((await db.Expenses.SingleAsync(e => e.Id == expense)).InvestmentId);
        Assert.Null((await db.Income.SingleAsync(i => i.Id == rent)).InvestmentId);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_in_indonesian_on_create_and_on_edit()
    {
        await CreateAsync(new InvestmentInput("INV-KCB", "Karawang", Start, 0m, null));
        var other = await CreateAsync(new InvestmentInput("INV-PWK", "Purwakarta", Start, 0m, null));

        var created = await ManageAsync(m => m.CreateAsync(new InvestmentInput(" INV-KCB ", "Lagi", Start, 0m, null)));
        var edited = await ManageAsync(m => m.UpdateAsync(other, new InvestmentInput("INV-KCB", "Purwakarta", Start, 0m, null)));

        Assert.Equal(["Kode 'INV-KCB' sudah dipakai investasi lain."], created.Errors["code"]);
        Assert.Equal(["Kode 'INV-KCB' sudah dipakai investasi lain."], edited.Errors["code"]);
    }

    [Theory]
    [InlineData("INV-1", "Satu", -1, "plannedAmount")]
    [InlineData("INV-1", "Satu", 0.001, "plannedAmount")]
    [InlineData("INV-1", "Satu", 100000000001, "plannedAmount")]
    [InlineData("", "Satu", 0, "code")]
    [InlineData("INV-1", " ", 0, "name")]
    [InlineData("INV-1", "Sa\u0007tu", 0, "name")]
    public async Task Bad_input_is_refused_on_its_field(string code, string name, decimal planned, string field)
    {
        var outcome = await ManageAsync(m => m.CreateAsync(new InvestmentInput(code, name, Start, planned, null)));

        Assert.True(outcome.Errors.ContainsKey(field), string.Join(", ", outcome.Errors.Keys));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Investments.CountAsync());
    }

    [Fact]
    public async Task An_edit_changes_what_finance_planned()
    {
        var id = await CreateAsync(new InvestmentInput("INV-1", "Satu", Start, 0m, null));

        var edited = await ManageAsync(m => m.UpdateAsync(id, new InvestmentInput("INV-1A", "Satu baru", new DateOnly(2025, 2, 1), 25_000_000m, "Catatan")));

        Assert.True(edited.Succeeded, edited.FirstError);
        await using var db = database.CreateDbContext();
        var saved = await db.Investments.SingleAsync();
        Assert.Equal(("INV-1A", "Satu baru", new DateOnly(2025, 2, 1), 25_000_000m, "Catatan"), (saved.Code, saved.Name, saved.StartDate, saved.PlannedAmount, saved.Description));
    }

    [Fact]
    public async Task A_project_starting_later_is_planned_then_moves_forward_only()
    {
        var id = await CreateAsync(new InvestmentInput("INV-1", "Satu", new DateOnly(2025, 6, 1), 0m, null));
        await using (var db = database.CreateDbContext())
            Assert.Equal(InvestmentStatus.Planned, (await db.Investments.SingleAsync()).Status);

        var completedTooSoon = await ManageAsync(m => m.ChangeStatusAsync(id, InvestmentStatus.Completed));
        var active = await ManageAsync(m => m.ChangeStatusAsync(id, InvestmentStatus.Active));
        var completed = await ManageAsync(m => m.ChangeStatusAsync(id, InvestmentStatus.Completed));
        var reopened = await ManageAsync(m => m.ChangeStatusAsync(id, InvestmentStatus.Active));

        Assert.Equal("Status tidak bisa diubah dari Direncanakan ke Selesai.", completedTooSoon.FirstError);
        Assert.True(active.Succeeded && completed.Succeeded);
        Assert.False(reopened.Succeeded);
        Assert.Equal([InvestmentStatus.Completed, InvestmentStatus.Cancelled], ManageInvestments.Allowed(InvestmentStatus.Active));
        await using var read = database.CreateDbContext();
        Assert.Equal(InvestmentStatus.Completed, (await read.Investments.SingleAsync()).Status);
    }

    private async Task<Customer> CustomerElsewhereAsync()
    {
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "PWK", Name = "Purwakarta", CreatedAt = _clock.GetUtcNow() };
        db.LocationCodes.Add(location);
        await db.SaveChangesAsync();
        var package = await db.ServicePackages.SingleAsync();
        var registered = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var customer = new Customer("PWK-CKP011224-900", "Pelanggan Purwakarta", "+6281299990000", location.Id, package.Id, registered);
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, registered);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    private async Task<int> CreateAsync(InvestmentInput input)
    {
        var outcome = await ManageAsync(m => m.CreateAsync(input));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value;
    }

    private async Task<int> ExpenseAsync(DateOnly date, decimal amount, decimal vat)
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(
            new ExpenseInput(date, "perawatan", amount, "Perbaikan ODP", MoneyAccounts.Cash, Guid.NewGuid().ToString(), vat)));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal(ExpenseStatus.Approved, outcome.Value!.Status);
        return outcome.Value.Id;
    }

    private async Task<int> IncomeAsync()
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<RecordIncome>().ExecuteAsync(
            new IncomeInput(new DateOnly(2025, 3, 5), "sewa-menara", 2_000_000m, "Sewa menara Maret", MoneyAccounts.Cash, "PT Menara Jaya", Guid.NewGuid().ToString())));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!.Id;
    }

    private Task<T> ManageAsync<T>(Func<ManageInvestments, Task<T>> use) => _data.InScopeAsync(sp => use(sp.GetRequiredService<ManageInvestments>()));

    private Task<T> BookAsync<T>(Func<InvestmentBook, Task<T>> use) => _data.InScopeAsync(sp => use(sp.GetRequiredService<InvestmentBook>()));
}
