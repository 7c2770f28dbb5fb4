using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// Billing's events on real PostgreSQL post to the ledger in their own transaction, and the books
/// tie to billing: Piutang usaha is what invoices still ask for, Titipan pelanggan is the customers' credit.
/// </summary>
public sealed class BillingLedgerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync() => _data = await BillingTestData.StartAsync(database, _clock);

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task A_month_of_billing_posts_one_balanced_entry_per_event_and_the_books_tie_to_the_invoices_and_the_credit()
    {
        var paysPart = await _data.CustomerAsync();
        var overpays = await _data.CustomerAsync();
        var credited = await _data.CustomerAsync();
        var voided = await _data.CustomerAsync();
        await RunAsync(new DateOnly(2025, 3, 1));

        await _data.PayAsync(new PaymentInput(paysPart.Code, PaymentMethod.Cash, 150_000m, "cash-part"));
        var transfer = await _data.PayAsync(new PaymentInput(overpays.Code, PaymentMethod.BankTransfer, 500_000m, "transfer", ProofName: await _data.ProofAsync()));
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<ReviewTransfer>().ConfirmAsync(transfer.Id))).Succeeded);
        var invoices = await InvoicesByCustomerAsync();
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<InvoiceCorrections>().CreditAsync(invoices[credited.Id], 50_000m, "Gangguan 3 hari"))).Succeeded);
        Assert.True((await _data.InScopeAsync(sp => sp.GetRequiredService<InvoiceCorrections>().VoidAsync(invoices[voided.Id], "Salah paket"))).Succeeded);
        // April's invoice for the customer with credit is paid from it at once: an allocation without new money.
        await RunAsync(new DateOnly(2025, 4, 1));

        await using var db = database.CreateDbContext();
        var (debit, credit) = await LedgerTestBooks.TotalsAsync(db);
        Assert.Equal(debit, credit);
        Assert.Equal(0, await LedgerTestBooks.UnbalancedEntriesAsync(db));
        var owed = await db.Invoices.Where(i => i.Status != InvoiceStatus.Void).SumAsync(i => i.Total - i.AmountPaid - i.CreditedAmount);
        Assert.Equal(owed, await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.Receivable));
        // The dashboard's "Tagihan belum lunas" is the same figure: a credit note lowers what is owed there too.
        Assert.Equal(owed, (await _data.InScopeAsync(sp => sp.GetRequiredService<DashboardSummary>().LoadAsync())).AmountDue);
        Assert.Equal(await db.Customers.SumAsync(c => c.CreditBalance), -await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.CustomerDeposit));
        Assert.Equal(150_000m, await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.Cash));
        Assert.Equal(500_000m, await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.DefaultBank));
        // March: four invoices, one voided; April: three (the voided customer is billed again).
        Assert.Equal(new Dictionary<JournalSource, int>
        {
            [JournalSource.Invoice] = 8, [JournalSource.InvoiceVoid] = 1, [JournalSource.CreditNote] = 1,
            [JournalSource.Payment] = 2, [JournalSource.Allocation] = 3,
        }, await LedgerTestBooks.EntriesBySourceAsync(db));
        var note = await db.JournalEntries.Include(e => e.Lines).ThenInclude(l => l.Account).SingleAsync(e => e.SourceType == JournalSource.CreditNote);
        Assert.Equal([("4-1900", 50_000m, 0m), ("1-1300", 0m, 50_000m)], note.Lines.OrderBy(l => l.Position).Select(l => (l.Account!.Code, l.Debit, l.Credit)));
        Assert.All(note.Lines, l => Assert.Equal(credited.Id, l.CustomerId));

        // Everything posted with its event: the start-up backfill finds nothing left.
        var backfill = await _data.InScopeAsync(sp => sp.GetRequiredService<LedgerBackfill>().ExecuteAsync());
        Assert.Equal(0, backfill.Total);
    }

    [Fact]
    public async Task Documents_written_before_the_ledger_are_posted_once_by_the_backfill_even_by_two_instances_at_once()
    {
        var first = await _data.CustomerAsync();
        var second = await _data.CustomerAsync();
        // Written straight to the tables, as before the ledger existed (and as the demo's history is).
        await _data.InvoiceAsync(first, new DateOnly(2025, 2, 1));
        await _data.InvoiceAsync(first, new DateOnly(2025, 3, 1));
        await _data.InvoiceAsync(second, new DateOnly(2025, 3, 1));
        await _data.PayAsync(new PaymentInput(first.Code, PaymentMethod.Cash, 250_000m, "cash"));

        var results = await Task.WhenAll(
            Task.Run(() => _data.InScopeAsync(sp => sp.GetRequiredService<LedgerBackfill>().ExecuteAsync())),
            Task.Run(() => _data.InScopeAsync(sp => sp.GetRequiredService<LedgerBackfill>().ExecuteAsync())));
        var again = await _data.InScopeAsync(sp => sp.GetRequiredService<LedgerBackfill>().ExecuteAsync());

        Assert.Equal(3, results.Sum(r => r.Posted.GetValueOrDefault(JournalSource.Invoice)));
        Assert.Equal(0, again.Total);
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Invoice));
        Assert.Equal(350_000m, await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.Receivable));
        Assert.Equal(0, await LedgerTestBooks.UnbalancedEntriesAsync(db));
        var dated = await db.JournalEntries.Where(e => e.SourceType == JournalSource.Invoice).OrderBy(e => e.EntryDate).Select(e => e.EntryDate).ToListAsync();
        Assert.Equal([new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)], dated);
    }

    [Fact]
    public async Task A_retried_or_concurrent_post_of_one_source_posts_it_once()
    {
        var draft = (int cash, int capital) => new JournalDraftBuilder(new DateOnly(2025, 3, 15), JournalSource.Capital, "setoran-1", null, "Setoran modal")
            .Debit(cash, 1_000_000m).Credit(capital, 1_000_000m).Build();

        async Task<int> PostAsync()
        {
            await using var scope = _data.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
            var posted = await scope.ServiceProvider.GetRequiredService<IJournalWriter>().PostAsync(db, [draft(map[AccountRoles.Cash], map[AccountRoles.Capital])]);
            await transaction.CommitAsync();
            return posted.Count;
        }

        var once = await PostAsync();
        var retried = await PostAsync();
        var concurrent = await Task.WhenAll(Task.Run(PostAsync), Task.Run(PostAsync));

        Assert.Equal((1, 0, 0), (once, retried, concurrent.Sum()));
        await using var read = database.CreateDbContext();
        Assert.Equal(1, await read.JournalEntries.CountAsync());
        Assert.Equal(1_000_000m, await LedgerTestBooks.DebitBalanceAsync(read, AccountRoles.Cash));
    }

    private async Task RunAsync(DateOnly period)
    {
        var outcome = await _data.InScopeAsync(sp => sp.GetRequiredService<GenerateInvoices>().ExecuteAsync(period, BillingRunTrigger.Manual));
        Assert.True(outcome.Succeeded, outcome.FirstError);
    }

    private async Task<Dictionary<int, string>> InvoicesByCustomerAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Invoices.ToDictionaryAsync(i => i.CustomerId, i => i.Number);
    }
}
