using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <param name="Amount">The invoice total: package (by days when prorated), waiting one-off charges, PPN.</param>
public sealed record PlannedInvoice(int CustomerId, string CustomerCode, string CustomerName, string PackageName, decimal Amount, bool Prorated, bool WithOneOffCharges);

/// <summary>What a run for <paramref name="Period"/> would do if started now.</summary>
/// <param name="ToCreate">Invoices the run would create.</param>
/// <param name="AlreadyInvoiced">Billable customers who already have their invoice for the month.</param>
/// <param name="NotStartedYet">Billable customers without an invoice whose service starts after the month.</param>
/// <param name="First">The first <see cref="InvoiceRunPreview.SampleSize"/> invoices, in the run's order (by customer).</param>
public sealed record InvoiceRunPlan(
    DateOnly Period, int ToCreate, int AlreadyInvoiced, int NotStartedYet, decimal Total, int Prorated, int WithOneOffCharges, IReadOnlyList<PlannedInvoice> First);

/// <summary>
/// The invoice run for a month, worked out without writing anything: the same customers, bills,
/// one-off charges and period check as <see cref="GenerateInvoices"/> (through <see cref="BillableCustomers"/>),
/// so Finance sees what "Buat tagihan" will do before it does it.
/// </summary>
public sealed class InvoiceRunPreview(IIspDbFactory dbs, PortalSettings settings, IspClock ispClock, TimeProvider clock)
{
    public const int SampleSize = 20;

    public async Task<Outcome<InvoiceRunPlan>> ForAsync(DateOnly period, CancellationToken cancellationToken = default)
    {
        var month = Invoice.FirstDayOf(period);
        var today = await ispClock.TodayAsync(cancellationToken);
        if (BillableCustomers.PeriodProblem(month, today) is { } problem)
            return Outcome.Refused<InvoiceRunPlan>("Period", problem);

        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var issueDate = BillableCustomers.IssueDate(month, today);
        var now = clock.GetUtcNow();

        await using var db = await dbs.CreateAsync(cancellationToken);
        var first = new List<PlannedInvoice>(SampleSize);
        int toCreate = 0, notStarted = 0, prorated = 0, withCharges = 0, cursor = 0;
        var total = 0m;
        while (true)
        {
            var customers = await BillableCustomers.NextBatchAsync(db, month, cursor, GenerateInvoices.BatchSize, cancellationToken);
            if (customers.Count == 0)
                break;
            cursor = customers[^1].Id;
            var waiting = await BillableCustomers.WaitingChargesAsync(db, [.. customers.Select(c => c.Id)], cancellationToken);
            foreach (var customer in customers)
            {
                if (BillableCustomers.BillFor(customer, month, issueDate, billing, zone) is not { } bill)
                {
                    notStarted++;
                    continue;
                }
                var invoice = BillableCustomers.Draft("", customer.Id, bill, waiting[customer.Id], now);
                var isProrated = invoice.Lines.Any(l => l.Kind == InvoiceLineKind.Proration);
                var hasCharges = waiting[customer.Id].Any();
                toCreate++;
                total += invoice.Total;
                prorated += isProrated ? 1 : 0;
                withCharges += hasCharges ? 1 : 0;
                if (first.Count < SampleSize)
                    first.Add(new PlannedInvoice(customer.Id, customer.Code, customer.FullName, BillableCustomers.PackageFor(customer, month).Name, invoice.Total, isProrated, hasCharges));
            }
        }
        var already = await BillableCustomers.CountInvoicedAsync(db, month, cancellationToken);
        return Outcome.Done(new InvoiceRunPlan(month, toCreate, already, notStarted, total, prorated, withCharges, first));
    }
}
