using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <param name="Created">Invoices this run created.</param>
/// <param name="Skipped">Billable customers that already had their invoice for the period.</param>
public sealed record InvoiceRunResult(long RunId, DateOnly Period, int Created, int Skipped);

/// <summary>
/// The monthly invoice run: one invoice per billable customer (active or isolated, service started
/// by the month's end) and period. It works in batches, each in its own transaction under a lock per
/// period: a second run at the same time waits and then finds the invoices made, a run that dies
/// keeps the batches it committed and the next run completes the rest. The unique
/// (customer, period) constraint stands behind both. Numbers are gapless per month
/// (<see cref="IDocumentSequences"/>); amounts follow <see cref="MonthlyCharges"/>.
/// </summary>
public sealed class GenerateInvoices(
    IIspDbFactory dbs, IDocumentSequences sequences, IInvoiceWriter writer, BillingLedger ledger, IOutboxWriter outbox, IPaymentLinks links, PaymentPosting posting,
    IDatabaseLocks locks, PortalSettings settings, IspClock ispClock, ICurrentUser currentUser, PortalMetrics metrics, TimeProvider clock)
{
    public const int BatchSize = 2000;

    public async Task<Outcome<InvoiceRunResult>> ExecuteAsync(DateOnly period, BillingRunTrigger trigger, CancellationToken cancellationToken = default)
    {
        var month = Invoice.FirstDayOf(period);
        var today = await ispClock.TodayAsync(cancellationToken);
        if (BillableCustomers.PeriodProblem(month, today) is { } problem)
            return Outcome.Refused<InvoiceRunResult>("Period", problem);

        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var actor = await currentUser.GetAsync(cancellationToken);
        var issueDate = BillableCustomers.IssueDate(month, today);
        var scope = DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, billing.InvoiceNumberFormat, month);

        // The run's own row, saved as it goes outside the batches' transactions, so the history shows how far a run got.
        var started = clock.GetTimestamp();
        var run = new BillingRun(BillingRunKind.Invoices, month, trigger, actor.Name, clock.GetUtcNow());
        await using var runs = await dbs.CreateAsync(cancellationToken);
        runs.BillingRuns.Add(run);
        await runs.SaveChangesAsync(cancellationToken);

        try
        {
            var cursor = 0;
            while (true)
            {
                var (created, last) = await InvoiceBatchAsync(month, cursor, issueDate, billing, zone, scope, cancellationToken);
                if (last is null)
                    break;
                cursor = last.Value;
                run.Progress(created);
                await runs.SaveChangesAsync(cancellationToken);
            }
            int skipped;
            await using (var db = await dbs.CreateAsync(cancellationToken))
                skipped = await BillableCustomers.CountInvoicedAsync(db, month, cancellationToken) - run.Created;
            run.Finish(Math.Max(0, skipped), clock.GetUtcNow());
            await runs.SaveChangesAsync(CancellationToken.None);
            metrics.InvoiceRunFinished(succeeded: true, clock.GetElapsedTime(started));
            return Outcome.Done(new InvoiceRunResult(run.Id, month, run.Created, run.Skipped));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            run.Fail(exception.Message, clock.GetUtcNow());
            await runs.SaveChangesAsync(CancellationToken.None);
            metrics.InvoiceRunFinished(succeeded: false, clock.GetElapsedTime(started));
            throw;
        }
    }

    /// <returns>The invoices created and the last customer id looked at; null when no customer was left.</returns>
    private async Task<(int Created, int? Last)> InvoiceBatchAsync(
        DateOnly month, int cursor, DateOnly issueDate, BillingSettings billing, TimeZoneInfo zone, string scope, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Runs of one period take turns per batch; whoever waits sees the invoices the other committed.
        await locks.LockForTransactionAsync(db, $"billing-invoices:{month:yyyy-MM}", cancellationToken);
        var customers = await BillableCustomers.NextBatchAsync(db, month, cursor, BatchSize, cancellationToken);
        if (customers.Count == 0)
            return (0, null);

        var customerIds = customers.Select(c => c.Id).ToList();
        var waiting = await BillableCustomers.WaitingChargesAsync(db, customerIds, cancellationToken);
        var bills = customers
            .Select(c => (Customer: c, Bill: BillableCustomers.BillFor(c, month, issueDate, billing, zone)))
            .Where(b => b.Bill is not null)
            .ToList();
        if (bills.Count > 0)
        {
            var first = await sequences.ReserveAsync(db, scope, bills.Count, cancellationToken);
            var now = clock.GetUtcNow();
            var invoices = new List<Invoice>(bills.Count);
            for (var i = 0; i < bills.Count; i++)
            {
                var customerId = bills[i].Customer.Id;
                invoices.Add(BillableCustomers.Draft(DocumentNumberFormat.Render(billing.InvoiceNumberFormat, month, first + i), customerId, bills[i].Bill!, waiting[customerId], now));
            }
            var ids = await writer.InsertAsync(db, invoices, cancellationToken);
            var byId = customers.ToDictionary(c => c.Id);
            await ledger.InvoicesIssuedAsync(db, invoices, ids, byId, cancellationToken);
            foreach (var invoice in invoices)
            {
                foreach (var charge in waiting[invoice.CustomerId])
                    charge.BilledOn(ids[invoice.Number]);
            }
            await db.SaveChangesAsync(cancellationToken);

            // Credit from overpayments pays the new invoice at once; such an invoice needs no "please pay".
            var settled = new HashSet<int>();
            foreach (var (customer, _) in bills.Where(b => b.Customer.CreditBalance > 0))
            {
                await posting.PostAsync(db, customer.Id, cancellationToken);
                if (!await db.Invoices.AnyAsync(i => i.CustomerId == customer.Id && i.Period == month && i.Status != InvoiceStatus.Paid, cancellationToken))
                    settled.Add(customer.Id);
            }
            var notices = invoices.Where(i => !settled.Contains(i.CustomerId))
                .SelectMany(i => BillingNotices.InvoiceIssued(byId[i.CustomerId], i, links.For(i.Number, i.PayLinkVersion), now))
                .ToList();
            await outbox.InsertNewAsync(db, notices, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (bills.Count, customers[^1].Id);
    }
}
