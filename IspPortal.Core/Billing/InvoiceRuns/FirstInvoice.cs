using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>What the invoice made at registration charges, and from when the monthly run takes over.</summary>
/// <param name="Bill">Null when there is nothing to charge yet.</param>
/// <param name="BillingStartsOn">Set when the rest of the starting month is given away: the run bills from this day.</param>
public sealed record FirstBill(MonthlyBill? Bill, DateOnly? BillingStartsOn);

/// <summary>
/// The PSB's first invoice, made in the registration's own transaction: the installation fee (the
/// package's, or the settings' default) and the service's first month as the settings say:
/// <list type="bullet">
/// <item><see cref="FirstInvoiceMode.Prorated"/>: the days from the service start to the month's end
/// (<see cref="MonthlyCharges"/>, a whole month when it starts on the 1st).</item>
/// <item><see cref="FirstInvoiceMode.NextPeriod"/>: nothing for a month already begun; the customer's
/// billing starts on the next month's 1st, so the monthly run never bills those days either.</item>
/// </list>
/// The invoice is for the month the service starts in, so the unique (customer, period) keeps the
/// monthly run from billing that month again. Waiting one-off charges ride along. A zero total
/// makes no invoice. Numbered, posted to the ledger and announced exactly like the run's invoices.
/// </summary>
public sealed class FirstInvoice(
    IDocumentSequences sequences, IInvoiceWriter writer, BillingLedger ledger, IOutboxWriter outbox, IPaymentLinks links,
    PortalSettings settings, IspClock ispClock, TimeProvider clock) : ICustomerRegistrationHandler
{
    public async Task OnRegisteredAsync(IIspDb db, Customer customer, CustomerRegistration registration, CancellationToken cancellationToken)
    {
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = IspClock.DayOf(now, zone);
        var package = await db.ServicePackages.AsNoTracking().SingleAsync(p => p.Id == customer.ServicePackageId, cancellationToken);
        var start = BillableCustomers.ServiceStart(customer, zone);

        var first = For(package, start, today, billing);
        customer.StartBillingOn(first.BillingStartsOn);
        if (first.Bill is not { } bill)
            return;

        var waiting = (await BillableCustomers.WaitingChargesAsync(db, [customer.Id], cancellationToken))[customer.Id].ToList();
        // Priced before it is numbered: numbers are gapless, and an invoice of nothing is never made.
        if (BillableCustomers.Draft("", customer.Id, bill, waiting, now).Total <= 0)
            return;
        var number = await sequences.NextNumberAsync(db, DocumentNumberFormat.InvoiceKind, billing.InvoiceNumberFormat, bill.Period, cancellationToken);
        var invoice = BillableCustomers.Draft(number, customer.Id, bill, waiting, now);

        var ids = await writer.InsertAsync(db, [invoice], cancellationToken);
        await ledger.InvoicesIssuedAsync(db, [invoice], ids, new Dictionary<int, Customer> { [customer.Id] = customer }, cancellationToken);
        foreach (var charge in waiting)
            charge.BilledOn(ids[invoice.Number]);
        await outbox.InsertNewAsync(db, [.. BillingNotices.InvoiceIssued(customer, invoice, links.For(invoice.Number, invoice.PayLinkVersion), now)], cancellationToken);
    }

    /// <param name="serviceStart">The installation day, or the registration day when none is scheduled.</param>
    /// <param name="today">The registration day: the invoice's issue date.</param>
    public static FirstBill For(ServicePackage package, DateOnly serviceStart, DateOnly today, BillingSettings billing)
    {
        var month = Invoice.FirstDayOf(serviceStart);
        // The month's bill gives the due date and tax rate even when none of its service is charged.
        var monthly = MonthlyCharges.For(package, serviceStart, month, today, billing)!;
        var givesAwayTheMonth = billing.FirstInvoice == FirstInvoiceMode.NextPeriod && serviceStart != month;
        var lines = new List<ChargeLine>();
        var fee = package.InstallationFee ?? billing.DefaultInstallationFee;
        if (fee > 0)
            lines.Add(new ChargeLine(InvoiceLineKind.Installation, $"Biaya instalasi {package.Name}", 1, fee, package.Id));
        if (!givesAwayTheMonth)
            lines.AddRange(monthly.Lines);
        var startsOn = givesAwayTheMonth ? month.AddMonths(1) : (DateOnly?)null;
        return new FirstBill(lines.Count == 0 ? null : monthly with { Lines = lines }, startsOn);
    }
}
