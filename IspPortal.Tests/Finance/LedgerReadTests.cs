using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>Trial balance, account ledger and journal search over real PostgreSQL, against balances worked out by hand and books made by the billing use cases.</summary>
public sealed class LedgerReadTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        await LedgerFixtures.PostBooksAsync(_data.Services, database.CreateDbContext);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private T Use<T>() where T : notnull => _data.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Trial_balance_at_two_dates_matches_the_hand_computed_balances_and_balances()
    {
        var january = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 1, 31))).Value!;
        var february = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 2, 28))).Value!;

        Assert.Equal([("1-1100", 10_000_000m, 0m), ("3-1100", 0m, 10_000_000m)], january.Accounts.Select(a => (a.Code, a.Debit, a.Credit)));
        Assert.Equal((10_000_000m, 10_000_000m, true), (january.Debit, january.Credit, january.Balanced));
        Assert.Equal(
            [("1-1100", 5_500_000m, 0m), ("1-1201", 3_000_000m, 0m), ("3-1100", 0m, 10_000_000m), ("5-1300", 1_500_000m, 0m)],
            february.Accounts.Select(a => (a.Code, a.Debit, a.Credit)));
        Assert.Equal((10_000_000m, 10_000_000m), (february.Debit, february.Credit));
        Assert.All(february.Accounts, a => Assert.False(a.Abnormal));
    }

    [Fact]
    public async Task An_overdrawn_cash_account_shows_in_the_credit_column_marked_abnormal()
    {
        await LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map =>
        [
            new JournalDraftBuilder(new DateOnly(2025, 3, 2), JournalSource.Manual, "overdraw", null, "Bayar sewa tahunan")
                .Debit(map.ByCode("5-1300")!.Id, 7_000_000m).Credit(map[AccountRoles.Cash], 7_000_000m).Build(),
        ]);

        var view = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 3, 31))).Value!;

        var cash = view.Accounts.Single(a => a.Code == "1-1100");
        Assert.Equal((0m, 1_000_000m, true), (cash.Debit, cash.Credit, cash.Abnormal));
        Assert.Equal((view.Debit, true), (view.Credit, view.Balanced));
    }

    [Fact]
    public async Task Account_ledger_starts_from_the_opening_balance_and_runs_across_pages()
    {
        await LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map => [.. Enumerable.Range(1, 60).Select(i =>
            new JournalDraftBuilder(new DateOnly(2025, 3, 10), JournalSource.Income, $"tunai-{i}", null, $"Penjualan {i}")
                .Debit(map[AccountRoles.Cash], 1_000m).Credit(map[AccountRoles.OtherRevenue], 1_000m).Build())]);
        var ledger = Use<AccountLedger>();

        var first = (await ledger.PageAsync("1-1100", new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31))).Value!;
        var second = (await ledger.PageAsync("1-1100", new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31), page: 1)).Value!;
        var capital = (await ledger.PageAsync("3-1100", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31))).Value!;

        Assert.Equal(10_000_000m, first.Opening);
        Assert.Equal([8_500_000m, 5_500_000m, 6_000_000m, 6_001_000m], first.Lines.Take(4).Select(l => l.Balance));
        Assert.Equal((50, true), (first.Lines.Count, first.HasMore));
        Assert.Equal((13, false), (second.Lines.Count, second.HasMore));
        Assert.Equal(6_000_000m + 47_000m, first.Lines[^1].Balance);
        Assert.Equal(6_000_000m + 48_000m, second.Lines[0].Balance);
        Assert.Equal((560_000m, 4_500_000m, 6_060_000m), (second.Debit, second.Credit, second.Closing));
        Assert.Equal(second.Closing, second.Lines[^1].Balance);
        Assert.Equal((0m, 10_000_000m), (capital.Opening, capital.Closing));
        Assert.Equal(("MODAL-1", JournalSource.Capital), (capital.Lines.Single().SourceNumber, capital.Lines.Single().Source));
    }

    [Fact]
    public async Task Journal_search_filters_by_dates_account_text_and_source_and_links_each_entry_to_its_source()
    {
        var search = Use<JournalSearch>();

        var february = (await search.PageAsync(new JournalFilter(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)))).Value!;
        var rent = (await search.PageAsync(new JournalFilter(AccountCode: "5-1300"))).Value!;
        var byText = (await search.PageAsync(new JournalFilter(Text: "menara"))).Value!;
        var capital = (await search.PageAsync(new JournalFilter(Source: JournalSource.Capital))).Value!;
        var unknown = await search.PageAsync(new JournalFilter(AccountCode: "9-9999"));

        Assert.Equal(["Setor kas ke bank", "Sewa kantor Februari"], february.Items.Select(e => e.Memo));
        var expense = Assert.Single(rent.Items);
        Assert.Equal("/finance/expenses/7", expense.Link);
        Assert.Equal([("5-1300", 1_500_000m, 0m), ("1-1100", 0m, 1_500_000m)], expense.Lines.Select(l => (l.AccountCode, l.Debit, l.Credit)));
        Assert.Equal("/finance/income/4", Assert.Single(byText.Items).Link);
        Assert.Equal("MODAL-1", Assert.Single(capital.Items).SourceNumber);
        Assert.False(unknown.Succeeded);
        Assert.True(unknown.Errors.ContainsKey("account"));
        Assert.Equal("/finance/assets/12", JournalLinks.For(JournalSource.Depreciation, "12:2025-03"));
    }

    [Fact]
    public async Task Journal_pages_by_fifty_newest_first()
    {
        await LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map => [.. Enumerable.Range(1, 60).Select(i =>
            new JournalDraftBuilder(new DateOnly(2025, 3, 10), JournalSource.Income, $"halaman-{i}", null, $"Penjualan {i}")
                .Debit(map[AccountRoles.Cash], 1_000m).Credit(map[AccountRoles.OtherRevenue], 1_000m).Build())]);
        var search = Use<JournalSearch>();

        var first = (await search.PageAsync(new JournalFilter())).Value!;
        var last = (await search.PageAsync(new JournalFilter(), page: 1)).Value!;

        Assert.Equal((50, true, 14, false), (first.Items.Count, first.HasMore, last.Items.Count, last.HasMore));
        Assert.Equal("Setoran modal awal", last.Items[^1].Memo);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(last.Items.Select(e => e.Id)));
    }

    [Fact]
    public async Task Books_made_by_issuing_invoices_and_taking_cash_balance_and_drill_to_the_invoice_and_the_customer()
    {
        var paying = await _data.CustomerAsync("Siti");
        await _data.CustomerAsync("Budi");
        Assert.True((await Use<GenerateInvoices>().ExecuteAsync(new DateOnly(2025, 3, 1), BillingRunTrigger.Manual)).Succeeded);
        await _data.PayAsync(new PaymentInput(paying.Code, PaymentMethod.Cash, 150_000m, "ledger-cash"));

        var view = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 3, 15))).Value!;
        var invoices = (await Use<JournalSearch>().PageAsync(new JournalFilter(Source: JournalSource.Invoice))).Value!;
        var payments = (await Use<JournalSearch>().PageAsync(new JournalFilter(Source: JournalSource.Payment))).Value!;

        Assert.True(view.Balanced, $"debit {view.Debit} credit {view.Credit}");
        await using var db = database.CreateDbContext();
        var due = await db.Invoices.Where(i => Arrears.Owing.Contains(i.Status)).SumAsync(i => i.Total - i.AmountPaid - i.CreditedAmount);
        Assert.Equal(due, view.Accounts.Single(a => a.Code == "1-1300").Debit);
        var ids = await db.Invoices.Select(i => i.Id).ToListAsync();
        Assert.Equal(ids.Select(id => $"/billing/invoices/{id}").Order(), invoices.Items.Select(e => e.Link).Order());
        Assert.Equal($"/customers/{paying.Code}", Assert.Single(payments.Items).Link);
    }

    [Fact]
    public async Task Manager_reads_the_books_and_a_technician_is_refused()
    {
        var actor = _data.Services.GetRequiredService<TestActor>();
        actor.Current = Actor.For(Guid.NewGuid(), "manager", [Roles.Manager]);
        var managerReads = (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 3, 31))).Succeeded;
        var managerEdits = await Use<ChartOfAccounts>().AddAsync(new AccountInput("5-1450", "Beban internet kantor", AccountType.Expense));
        actor.Current = Actor.For(Guid.NewGuid(), "teknisi", [Roles.Technician]);

        Assert.True(managerReads);
        Assert.Equal(Actor.NotPermitted, managerEdits.FirstError);
        Assert.Equal(Actor.NotPermitted, (await Use<TrialBalance>().AtAsync(new DateOnly(2025, 3, 31))).FirstError);
        Assert.Equal(Actor.NotPermitted, (await Use<JournalSearch>().PageAsync(new JournalFilter())).FirstError);
        Assert.Equal(Actor.NotPermitted, (await Use<AccountLedger>().PageAsync("1-1100", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31))).FirstError);
        Assert.Equal(Actor.NotPermitted, (await Use<ChartOfAccounts>().ListAsync()).FirstError);
    }
}
