using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>
/// Who the monthly run bills and what it puts on each invoice: active or isolated customers without
/// an invoice for the month, whose service started by the month's end (<see cref="MonthlyCharges"/>),
/// with their waiting one-off charges. <see cref="GenerateInvoices"/> and <see cref="InvoiceRunPreview"/>
/// both go through here, so the preview cannot promise what the run would not do.
/// </summary>
public static class BillableCustomers
{
    public static readonly CustomerStatus[] Statuses = [CustomerStatus.Active, CustomerStatus.Isolated];

    /// <summary>How far ahead a month may be billed (next month, e.g. to send invoices early).</summary>
    public const int MonthsAhead = 1;

    /// <returns>Why the month cannot be billed today, or null when it can.</returns>
    public static string? PeriodProblem(DateOnly month, DateOnly today)
    {
        if (month > Invoice.FirstDayOf(today).AddMonths(MonthsAhead))
            return $"Periode {month:yyyy-MM} terlalu jauh ke depan: paling jauh bulan depan.";
        return month.Year < 2000 ? "Periode tidak valid." : null;
    }

    /// <summary>A month billed late is issued today; one billed early is issued on its first day.</summary>
    public static DateOnly IssueDate(DateOnly month, DateOnly today) => today > month ? today : month;

    /// <summary>The next customers after <paramref name="afterId"/> (by id) still to be invoiced for the month, with their package.</summary>
    public static Task<List<Customer>> NextBatchAsync(IIspDb db, DateOnly month, int afterId, int size, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking()
            .Where(c => c.Id > afterId && Statuses.Contains(c.Status))
            .Where(c => !db.Invoices.Any(i => i.CustomerId == c.Id && i.Period == month))
            .OrderBy(c => c.Id)
            .Take(size)
            .Include(c => c.ServicePackage)
            .Include(c => c.PendingServicePackage)
            .ToListAsync(cancellationToken);

    /// <summary>Billable customers who already have their invoice for the month.</summary>
    public static Task<int> CountInvoicedAsync(IIspDb db, DateOnly month, CancellationToken cancellationToken) =>
        db.Invoices.CountAsync(i => i.Period == month && Statuses.Contains(i.Customer!.Status), cancellationToken);

    /// <summary>The one-off charges still waiting for an invoice, per customer, oldest first.</summary>
    public static async Task<ILookup<int, BillingCharge>> WaitingChargesAsync(IIspDb db, IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken) =>
        (await db.BillingCharges.Where(c => c.InvoiceId == null && customerIds.Contains(c.CustomerId)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.CustomerId);

    /// <returns>Null for a customer whose service starts after the month.</returns>
    public static MonthlyBill? BillFor(Customer customer, DateOnly month, DateOnly issueDate, BillingSettings billing, TimeZoneInfo zone) =>
        MonthlyCharges.For(PackageFor(customer, month), ServiceStart(customer, zone), month, issueDate, billing);

    /// <summary>The package the month is billed at: a change the customer scheduled counts from its first month, applied or not yet.</summary>
    public static ServicePackage PackageFor(Customer customer, DateOnly month) =>
        customer.PackageIdFor(month) == customer.ServicePackageId ? customer.ServicePackage! : customer.PendingServicePackage!;

    /// <summary>The first day the service is billed: installation (or registration), or later when the first month was given away.</summary>
    public static DateOnly ServiceStart(Customer customer, TimeZoneInfo zone)
    {
        var start = customer.InstallationDate ?? IspClock.DayOf(customer.RegisteredAt, zone);
        return customer.BillingStartsOn is { } billing && billing > start ? billing : start;
    }

    /// <summary>The invoice for a bill and the customer's waiting charges, not yet saved.</summary>
    public static Invoice Draft(string number, int customerId, MonthlyBill bill, IEnumerable<BillingCharge> waiting, DateTimeOffset now)
    {
        var invoice = new Invoice(number, customerId, bill.Period, bill.IssueDate, bill.DueDate, bill.TaxRatePercent, now);
        foreach (var line in bill.Lines)
            invoice.AddLine(line.Kind, line.Description, line.Quantity, line.UnitPrice, line.ServicePackageId);
        foreach (var charge in waiting)
            invoice.AddLine(charge.Kind, charge.Description, 1, charge.Amount);
        return invoice;
    }

}
