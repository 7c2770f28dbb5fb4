using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Automation;

/// <param name="MarkedOverdue">Invoices that passed their due date since the last check.</param>
/// <param name="Isolated">Customers isolated (on the router, or decided and left for the sync when it did not answer).</param>
/// <param name="Exempt">Customers who would be isolated but are exempt (VIP, promised payment).</param>
/// <param name="Failed">Customers the isolation refused (e.g. no PPPoE secret), with the reason in the log.</param>
public sealed record OverdueRunResult(long RunId, DateOnly Day, int MarkedOverdue, int Isolated, int Exempt, int Failed);

/// <summary>
/// The daily overdue check: invoices past their due date become overdue, and an active customer
/// still owing on an invoice due the isolir days ago (by default H+10) is isolated through the same
/// isolir as the NOC, with the isolation notice. Customers exempt from isolation (VIP, or a promise
/// to pay until a date) are counted and left alone.
/// </summary>
public sealed class CheckOverdueInvoices(
    IIspDbFactory dbs, CustomerIsolation isolation, PortalSettings settings, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock, ILogger<CheckOverdueInvoices> logger)
{
    private static readonly InvoiceStatus[] NotYetOverdue = [InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid];

    public async Task<OverdueRunResult> ExecuteAsync(BillingRunTrigger trigger, CancellationToken cancellationToken = default)
    {
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        var actor = await currentUser.GetAsync(cancellationToken);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var run = new BillingRun(BillingRunKind.OverdueCheck, today, trigger, actor.Name, clock.GetUtcNow());
        db.BillingRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var marked = await db.Invoices.Where(i => NotYetOverdue.Contains(i.Status) && i.DueDate < today)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvoiceStatus.Overdue).SetProperty(i => i.UpdatedAt, now), cancellationToken);

            var isolating = Arrears.Isolating(today, billing.IsolirAfterDays);
            var debtors = await db.Customers.AsNoTracking()
                .Where(c => c.Status == CustomerStatus.Active)
                .Select(c => new
                {
                    c.Id,
                    c.Code,
                    Exempt = c.IsolationExempt && (c.IsolationExemptUntil == null || c.IsolationExemptUntil >= today),
                    Oldest = db.Invoices.Where(i => i.CustomerId == c.Id).Where(isolating).OrderBy(i => i.DueDate).ThenBy(i => i.Id).FirstOrDefault(),
                })
                .Where(c => c.Oldest != null)
                .OrderBy(c => c.Id)
                .ToListAsync(cancellationToken);

            int isolated = 0, failed = 0;
            foreach (var debtor in debtors.Where(d => !d.Exempt))
            {
                var invoice = debtor.Oldest!;
                var late = today.DayNumber - invoice.DueDate.DayNumber;
                var reason = $"Tagihan {invoice.Number} sebesar {Rupiah.Format(invoice.AmountDue)} belum dibayar {late} hari setelah jatuh tempo";
                var outcome = await isolation.IsolateAsync(debtor.Code, reason, StatusChangeSource.Billing, cancellationToken);
                if (!outcome.Succeeded)
                {
                    failed++;
                    logger.LogWarning("Billing could not isolate {Customer}: {Error}", debtor.Code, outcome.FirstError);
                    continue;
                }
                isolated++;
                await using var notices = await dbs.CreateAsync(cancellationToken);
                var customer = await notices.Customers.AsNoTracking().SingleAsync(c => c.Id == debtor.Id, cancellationToken);
                await BillingNotices.QueueNewAsync(notices, BillingNotices.Isolation(customer, invoice.Number, reason, clock.GetUtcNow()), cancellationToken);
                await notices.SaveChangesAsync(cancellationToken);
            }

            run.Progress(isolated);
            run.Finish(debtors.Count(d => d.Exempt), clock.GetUtcNow(), failed);
            await db.SaveChangesAsync(CancellationToken.None);
            return new OverdueRunResult(run.Id, today, marked, isolated, debtors.Count(d => d.Exempt), failed);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            run.Fail(exception.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
