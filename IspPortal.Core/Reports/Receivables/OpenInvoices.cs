using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Receivables;

/// <summary>One invoice's amount still owed at the report's date, with its customer's columns.</summary>
internal sealed record OpenInvoice(
    int CustomerId, string Code, string Name, int LocationId, string Location, int? RouterId, string? Router,
    int PackageId, string Package, Customers.CustomerStatus Status, DateOnly DueDate, decimal Due);

/// <summary>
/// What each invoice still asked for at the end of a day, posted the way <c>BillingLedger</c> posts it, so the
/// sum is Piutang usaha at that date: the invoice counts from its issue date, until the day it was voided
/// (its reversal is dated that day), less the allocations and credit notes dated on or before the day
/// (days in the ISP's zone, like the journal entries). An invoice paid in full before the day's end owed nothing
/// then and is not read at all: <see cref="Billing.Invoice.PaidAt"/> is the moment of the allocation or credit note
/// that settled it, and nothing is allocated to a settled invoice afterwards, so over years of invoices the query
/// reads only those still open or settled later (through the index on paid_at).
/// </summary>
internal static class OpenInvoices
{
    public static IQueryable<OpenInvoice> At(IIspDb db, DateOnly asOf, TimeZoneInfo zone, AgingFilter filter) =>
        Owed(db, asOf, zone, filter)
            .Select(x => new OpenInvoice(
                x.Invoice.CustomerId, x.Invoice.Customer!.Code, x.Invoice.Customer.FullName,
                x.Invoice.Customer.LocationCodeId, x.Invoice.Customer.LocationCode!.Name,
                x.Invoice.Customer.RouterId, x.Invoice.Customer.Router == null ? null : x.Invoice.Customer.Router.Name,
                x.Invoice.Customer.ServicePackageId, x.Invoice.Customer.ServicePackage!.Name,
                x.Invoice.Customer.Status, x.Invoice.DueDate, x.Due));

    /// <summary>Each invoice with what it still asked for at the end of <paramref name="asOf"/> (non-zero only): the one query behind the aging and its trends.</summary>
    public static IQueryable<OwedInvoice> Owed(IIspDb db, DateOnly asOf, TimeZoneInfo zone, AgingFilter filter)
    {
        var cutoff = IspClock.StartOfDay(asOf.AddDays(1), zone);
        var invoices = Filtered(db.Invoices.AsNoTracking(), filter)
            .Where(i => i.IssueDate <= asOf && (i.VoidedAt == null || i.VoidedAt >= cutoff) && (i.PaidAt == null || i.PaidAt >= cutoff));
        return invoices
            .Select(i => new OwedInvoice
            {
                Invoice = i,
                Due = i.Total
                    - (db.PaymentAllocations.Where(a => a.InvoiceId == i.Id && a.AllocatedAt < cutoff).Sum(a => (decimal?)a.Amount) ?? 0m)
                    - (db.CreditNotes.Where(n => n.InvoiceId == i.Id && n.CreatedAt < cutoff).Sum(n => (decimal?)n.Amount) ?? 0m),
            })
            .Where(x => x.Due != 0);
    }

    public static IQueryable<Billing.Invoice> Filtered(IQueryable<Billing.Invoice> invoices, AgingFilter filter)
    {
        if (filter.LocationId is { } location)
            invoices = invoices.Where(i => i.Customer!.LocationCodeId == location);
        if (filter.RouterId is { } router)
            invoices = invoices.Where(i => i.Customer!.RouterId == router);
        if (filter.PackageId is { } package)
            invoices = invoices.Where(i => i.Customer!.ServicePackageId == package);
        if (filter.Status is { } status)
            invoices = invoices.Where(i => i.Customer!.Status == status);
        return invoices;
    }
}

/// <summary>An invoice and what it still asked for at a date (a class with settable members so EF can compose it).</summary>
internal sealed class OwedInvoice
{
    public Billing.Invoice Invoice { get; init; } = default!;

    public decimal Due { get; init; }
}
