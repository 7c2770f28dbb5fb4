using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Journals;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Demo;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// The demo's year of books, seeded at start-up relative to today: every figure balances and ties to
/// the documents behind it, every month has revenue and expenses, and the months before last are closed.
/// </summary>
public sealed class DemoBooksTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_books_balance_and_tie_to_the_open_invoices_and_the_customers_credit()
    {
        await using var db = portal.Database.CreateDbContext();
        var (debit, credit) = await LedgerTestBooks.TotalsAsync(db);
        Assert.True(debit > 1_000_000_000m, $"The demo's ledger holds {debit}.");
        Assert.Equal(debit, credit);
        Assert.Equal(0, await LedgerTestBooks.UnbalancedEntriesAsync(db));

        var owed = await db.Invoices.Where(i => i.Status != InvoiceStatus.Void).SumAsync(i => i.Total - i.AmountPaid - i.CreditedAmount);
        Assert.True(owed > 0, "Some customers still owe.");
        Assert.Equal(owed, await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.Receivable));

        var unused = await db.Payments.Where(p => p.Status == PaymentStatus.Confirmed).SumAsync(p => p.Amount - p.Allocations.Sum(a => a.Amount));
        Assert.True(unused > 0, "Someone paid ahead and has credit left.");
        Assert.Equal(unused, await db.Customers.SumAsync(c => c.CreditBalance));
        Assert.Equal(unused, -await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.CustomerDeposit));

        // Everything posted in the seed: the start-up backfill has nothing left to do.
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<LedgerBackfill>().ExecuteAsync()).Total);
    }

    [Fact]
    public async Task Every_month_of_the_year_and_this_one_has_revenue_and_expenses()
    {
        var thisMonth = Invoice.FirstDayOf(await TodayAsync());
        var start = thisMonth.AddMonths(-DemoBooks.Months);
        await using var db = portal.Database.CreateDbContext();
        var months = await db.JournalLines
            .Where(l => l.EntryDate >= start && l.Entry!.SourceType != JournalSource.YearClose)
            .GroupBy(l => new { l.EntryDate.Year, l.EntryDate.Month, l.Account!.Type })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Type, Net = g.Sum(l => l.Debit - l.Credit) })
            .ToListAsync();
        Assert.False(await db.JournalLines.AnyAsync(l => l.EntryDate < start), "Nothing is dated before the demo's first month.");
        for (var month = start; month <= thisMonth; month = month.AddMonths(1))
        {
            var revenue = -months.Where(m => m.Year == month.Year && m.Month == month.Month && m.Type == AccountType.Revenue).Sum(m => m.Net);
            var expenses = months.Where(m => m.Year == month.Year && m.Month == month.Month && m.Type == AccountType.Expense).Sum(m => m.Net);
            Assert.True(revenue > 0, $"Revenue in {month:yyyy-MM}: {revenue}");
            Assert.True(expenses > 0, $"Expenses in {month:yyyy-MM}: {expenses}");
        }
        // The customer base grew: the last full month bills more than the first.
        var invoices = await db.Invoices.Where(i => i.Status != InvoiceStatus.Void).GroupBy(i => i.Period).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(DemoBooks.Months + 1, invoices.Count);
        Assert.True(invoices[thisMonth.AddMonths(-1)] > invoices[start], $"{invoices[start]} invoices in the first month, {invoices[thisMonth.AddMonths(-1)]} last month.");
    }

    [Fact]
    public async Task The_history_has_every_kind_of_document_each_posted_once()
    {
        var thisMonth = Invoice.FirstDayOf(await TodayAsync());
        await using var db = portal.Database.CreateDbContext();
        var entries = await LedgerTestBooks.EntriesBySourceAsync(db);
        Assert.Equal(await db.Invoices.CountAsync(), entries[JournalSource.Invoice]);
        Assert.Equal(1, entries[JournalSource.InvoiceVoid]);
        Assert.Equal(1, entries[JournalSource.CreditNote]);
        Assert.Equal(await db.Payments.CountAsync(p => p.Status == PaymentStatus.Confirmed), entries[JournalSource.Payment]);
        Assert.Equal(await db.PaymentAllocations.CountAsync(), entries[JournalSource.Allocation]);
        Assert.Equal(await db.Expenses.CountAsync(), entries[JournalSource.Expense]);
        Assert.True(entries[JournalSource.ExpensePayment] >= DemoBooks.Months, "The owed bandwidth bills were paid.");
        Assert.Equal(await db.Income.CountAsync(), entries[JournalSource.Income]);
        Assert.Equal(await db.Assets.CountAsync(), entries[JournalSource.AssetPurchase]);

        var methods = await db.Payments.Select(p => p.Method).Distinct().ToListAsync();
        Assert.Equal([PaymentMethod.Cash, PaymentMethod.BankTransfer, PaymentMethod.Qris], methods.Order());
        // Paid mostly within ten days of the invoice, some later.
        var delays = await db.PaymentAllocations.Where(a => a.Invoice!.Period < thisMonth)
            .Select(a => new { a.Payment!.ReceivedAt, a.Invoice!.IssueDate }).ToListAsync();
        var withinTen = delays.Count(d => DateOnly.FromDateTime(d.ReceivedAt.UtcDateTime) <= d.IssueDate.AddDays(11));
        Assert.InRange(withinTen, delays.Count * 7 / 10, delays.Count - 1);
        // Arrears for the isolation and the aging: some owe since before last month.
        Assert.True(await db.Invoices.AnyAsync(i => i.Status == InvoiceStatus.Overdue && i.Period < thisMonth.AddMonths(-1)));
        Assert.True(await db.Expenses.AnyAsync(e => e.OnCredit && e.PaidOn != null));

        var capital = await db.CapitalInjections.SingleAsync();
        Assert.Equal(("Setoran modal awal", DemoBooks.Capital), (capital.Description, capital.Amount));
        Assert.Equal(capital.Number, (await db.JournalEntries.SingleAsync(e => e.SourceType == JournalSource.Capital)).SourceNumber);
        Assert.Equal(-DemoBooks.Capital, await LedgerTestBooks.DebitBalanceAsync(db, AccountRoles.Capital));
        Assert.Equal(5 * 12, await db.Budgets.CountAsync(b => b.Month.Year == thisMonth.Year));

        foreach (var (kind, format) in new[] { (DocumentNumberFormat.PaymentKind, Payment.NumberFormat), (Core.Finance.Expenses.ExpenseNumbers.Kind, Expense.NumberFormat) })
        {
            var numbers = kind == DocumentNumberFormat.PaymentKind
                ? await db.Payments.Select(p => p.Number).ToListAsync()
                : await db.Expenses.Select(e => e.Number).ToListAsync();
            var scopes = await db.DocumentSequences.Where(s => s.Scope.StartsWith(kind + ":")).ToListAsync();
            Assert.Equal(numbers.Count, scopes.Sum(s => s.LastValue));
        }
    }

    [Fact]
    public async Task The_assets_are_depreciated_through_last_month_as_their_schedules_say()
    {
        var thisMonth = Invoice.FirstDayOf(await TodayAsync());
        await using var db = portal.Database.CreateDbContext();
        var assets = await db.Assets.AsNoTracking().ToListAsync();
        Assert.Equal(6, assets.Count);
        foreach (var asset in assets)
        {
            var expected = DepreciationSchedule.For(DepreciationPlan.Of(asset)).Where(m => m.MonthEnd < thisMonth).Sum(m => m.Amount);
            Assert.True(expected > 0, asset.Code);
            Assert.Equal(expected, asset.AccumulatedDepreciation);
            Assert.Equal(thisMonth.AddDays(-1), asset.DepreciatedThrough);
            var booked = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.Depreciation && l.Entry.SourceKey.StartsWith(asset.Id + ":"))
                .SumAsync(l => l.Credit);
            Assert.Equal(expected, booked);
        }
        Assert.Equal(assets.Sum(a => a.AccumulatedDepreciation), await db.JournalLines.Where(l => l.Account!.Role == AccountRoles.Depreciation).SumAsync(l => l.Debit - l.Credit)
            + await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.YearClose && l.Account!.Role == AccountRoles.Depreciation).SumAsync(l => l.Credit));
    }

    [Fact]
    public async Task The_months_before_last_are_closed_in_order_and_refuse_entries()
    {
        var thisMonth = Invoice.FirstDayOf(await TodayAsync());
        var start = thisMonth.AddMonths(-DemoBooks.Months);
        await using var db = portal.Database.CreateDbContext();
        var closed = await db.LedgerPeriods.Select(p => p.Month).OrderBy(m => m).ToListAsync();
        Assert.Equal(Enumerable.Range(0, DemoBooks.Months - 1).Select(start.AddMonths), closed);
        Assert.NotNull(await ClosedPeriods.RefusalAsync(db, start.AddDays(10)));
        Assert.Null(await ClosedPeriods.RefusalAsync(db, thisMonth.AddMonths(-1)));
        // A December among them closed its year into Laba ditahan.
        var december = closed.Where(m => m.Month == 12).Select(m => m.Year).ToList();
        Assert.Equal(december.Select(y => YearEndEntriesKey(y)),
            await db.JournalEntries.Where(e => e.SourceType == JournalSource.YearClose).Select(e => e.SourceKey).ToListAsync());
    }

    [Fact]
    public async Task The_rent_is_a_recurring_expense_whose_months_are_recorded_once_and_next_month_is_due()
    {
        var today = await TodayAsync();
        var thisMonth = Invoice.FirstDayOf(today);
        var start = thisMonth.AddMonths(-DemoBooks.Months);
        await using var db = portal.Database.CreateDbContext();
        var rent = await db.RecurringExpenses.SingleAsync();
        Assert.Equal((true, start, thisMonth), (rent.IsActive, rent.StartsOn, rent.LastCreatedMonth));

        // The job ran at start-up beside the seed: still one expense per month, under the job's own keys.
        var keys = await db.Expenses.Where(e => e.CategoryId == rent.CategoryId).Select(e => e.IdempotencyKey).OrderBy(k => k).ToListAsync();
        Assert.Equal(Enumerable.Range(0, DemoBooks.Months + 1).Select(m => RecurringExpense.KeyFor(rent.Id, start.AddMonths(m))).Order(), keys);
        Assert.Empty(rent.DueThrough(today));
        Assert.Equal([thisMonth.AddMonths(1)], rent.DueThrough(thisMonth.AddMonths(1)));
    }

    [Fact]
    public async Task The_karawang_expansion_earns_its_routers_revenue_against_its_assets()
    {
        var today = await TodayAsync();
        await using var db = portal.Database.CreateDbContext();
        var investment = await db.Investments.Include(i => i.Locations).Include(i => i.Routers).Include(i => i.Assets)
            .SingleAsync(i => i.Code == DemoBooks.InvestmentCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);

        var result = await Core.Finance.Investments.InvestmentBook.ReturnAsync(db, map, investment, today);

        Assert.Equal(14_500_000m + 180_000_000m, result.Invested);
        var routerId = investment.Routers.Single().RouterId;
        var customers = await db.Customers.Where(c => c.RouterId == routerId).Select(c => c.Id).ToListAsync();
        var revenueAccounts = Core.Finance.Investments.InvestmentBook.RevenueRoles.Select(r => map[r]).ToList();
        var revenue = await db.JournalLines.Where(l => revenueAccounts.Contains(l.AccountId) && l.CustomerId != null && customers.Contains(l.CustomerId.Value)
            && l.EntryDate >= investment.StartDate && l.EntryDate <= today).SumAsync(l => l.Credit - l.Debit);
        Assert.True(revenue > 0, "Karawang Barat's customers pay.");
        Assert.Equal(revenue, result.Revenue);
        Assert.True(result.Costs > 0, "Its assets depreciate.");
        Assert.Equal(DemoBooks.Months + 1, result.Months.Count);
        Assert.Equal(Math.Round((result.Revenue - result.Costs) / result.Invested * 100m, 2, MidpointRounding.AwayFromZero), result.RoiPercent);
    }

    private static string YearEndEntriesKey(int year) => Core.Finance.Periods.YearEndEntries.Key(year, 1);

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
    }
}
