using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Billing;

public sealed class DemoBillingSeedTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Demo_invoice_numbers_run_per_month_without_gaps_and_the_counters_continue_after_them()
    {
        await using var db = portal.Database.CreateDbContext();
        var format = new BillingSettings().InvoiceNumberFormat;
        var periods = await db.Invoices.Select(i => i.Period).Distinct().ToListAsync();
        Assert.Equal(IspPortal.Infrastructure.Demo.DemoBooks.Months + 1, periods.Count);

        foreach (var period in periods)
        {
            var numbers = await db.Invoices.Where(i => i.Period == period).Select(i => i.Number).ToListAsync();
            var expected = Enumerable.Range(1, numbers.Count).Select(n => DocumentNumberFormat.Render(format, period, n));
            Assert.Equal(expected, numbers.Order(StringComparer.Ordinal));
            var counter = await db.DocumentSequences.SingleAsync(s => s.Scope == DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, format, period));
            Assert.Equal(numbers.Count, counter.LastValue);
        }
    }

    [Fact]
    public async Task Most_active_demo_customers_paid_this_month_and_of_those_who_did_not_some_promised_and_are_exempt()
    {
        await using var db = portal.Database.CreateDbContext();
        var thisMonth = await db.Invoices.MaxAsync(i => i.Period);
        var active = await db.Invoices.Where(i => i.Period == thisMonth && i.Customer!.Status == IspPortal.Core.Customers.CustomerStatus.Active)
            .Select(i => new { i.Status, i.Customer!.IsolationExempt }).ToListAsync();

        var unpaid = active.Where(i => i.Status != IspPortal.Core.Billing.InvoiceStatus.Paid).ToList();
        Assert.InRange(unpaid.Count, 1, active.Count / 7);
        Assert.Contains(unpaid, i => i.IsolationExempt);
        Assert.Contains(unpaid, i => !i.IsolationExempt);
        Assert.All(active.Where(i => i.IsolationExempt), i => Assert.NotEqual(IspPortal.Core.Billing.InvoiceStatus.Paid, i.Status));
    }
}
