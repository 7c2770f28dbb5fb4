using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Receivables;

/// <summary>What one customer still owed at the report's date, per aging bucket, with the customer's columns.</summary>
internal sealed class OwingCustomer
{
    public int CustomerId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int LocationId { get; init; }
    public string Location { get; init; } = "";
    public int? RouterId { get; init; }
    public string? Router { get; init; }
    public int PackageId { get; init; }
    public string Package { get; init; } = "";
    public Customers.CustomerStatus Status { get; init; }
    public decimal NotDue { get; init; }
    public decimal Days1To30 { get; init; }
    public decimal Days31To60 { get; init; }
    public decimal Days61To90 { get; init; }
    public decimal Over90 { get; init; }
    public decimal Total { get; init; }
    public DateOnly OldestDue { get; init; }

    public decimal[] Amounts => [NotDue, Days1To30, Days31To60, Days61To90, Over90];
}

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
    /// <summary>
    /// Every customer owing something at the end of <paramref name="asOf"/>, summed per bucket by days past the due date
    /// (<see cref="AgingBuckets"/>) in the database: a large ISP's open invoices are too many to carry to the portal one by one.
    /// </summary>
    public static IQueryable<OwingCustomer> PerCustomer(IIspDb db, DateOnly asOf, TimeZoneInfo zone, AgingFilter filter)
    {
        var sums = BucketSums(db, asOf, zone, filter);
        return from s in sums
               join c in db.Customers on s.CustomerId equals c.Id
               select new OwingCustomer
               {
                   CustomerId = c.Id, Code = c.Code, Name = c.FullName, LocationId = c.LocationCodeId, Location = c.LocationCode!.Name,
                   RouterId = c.RouterId, Router = c.Router == null ? null : c.Router.Name, PackageId = c.ServicePackageId, Package = c.ServicePackage!.Name,
                   Status = c.Status, NotDue = s.NotDue, Days1To30 = s.Days1To30, Days31To60 = s.Days31To60, Days61To90 = s.Days61To90, Over90 = s.Over90,
                   Total = s.NotDue + s.Days1To30 + s.Days31To60 + s.Days61To90 + s.Over90, OldestDue = s.OldestDue,
               };
    }

    /// <summary>Each owing customer's sums per bucket (<see cref="AgingBuckets"/>), without the customer's columns.</summary>
    public static IQueryable<BucketSum> BucketSums(IIspDb db, DateOnly asOf, TimeZoneInfo zone, AgingFilter filter)
    {
        var past30 = asOf.AddDays(-30);
        var past60 = asOf.AddDays(-60);
        var past90 = asOf.AddDays(-90);
        return Owed(db, asOf, zone, filter)
            .GroupBy(x => x.Invoice.CustomerId)
            .Select(g => new BucketSum
            {
                CustomerId = g.Key,
                NotDue = g.Sum(x => x.Invoice.DueDate >= asOf ? x.Due : 0m),
                Days1To30 = g.Sum(x => x.Invoice.DueDate < asOf && x.Invoice.DueDate >= past30 ? x.Due : 0m),
                Days31To60 = g.Sum(x => x.Invoice.DueDate < past30 && x.Invoice.DueDate >= past60 ? x.Due : 0m),
                Days61To90 = g.Sum(x => x.Invoice.DueDate < past60 && x.Invoice.DueDate >= past90 ? x.Due : 0m),
                Over90 = g.Sum(x => x.Invoice.DueDate < past90 ? x.Due : 0m),
                OldestDue = g.Min(x => x.Invoice.DueDate),
            });
    }

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
                // Nothing ever paid or credited (the invoice's running sums, kept with every allocation and credit note): the
                // whole total, without looking up allocations — most overdue invoices, read in a large ISP by the hundred thousand.
                Due = i.AmountPaid == 0 && i.CreditedAmount == 0
                    ? i.Total
                    : i.Total
                        - (db.PaymentAllocations.Where(a => a.InvoiceId == i.Id && a.AllocatedAt < cutoff).Sum(a => (decimal?)a.Amount) ?? 0m)
                        - (db.CreditNotes.Where(n => n.InvoiceId == i.Id && n.CreatedAt < cutoff).Sum(n => (decimal?)n.Amount) ?? 0m),
            })
            // An invoice not settled by the day's end still owes all but what was allocated and credited, which never reaches its
            // total before it is settled (ck_invoices_amount_paid: allocations and credit notes stop at the total); so only a zero-total invoice owes
            // nothing here. Saying so with the total, not with Due, keeps the two sums per invoice from being computed twice.
            .Where(x => x.Invoice.Total != 0);
    }

    /// <summary>
    /// <see cref="Owed"/> at the end of each of <paramref name="days"/> in one pass over the invoices (each row numbered by its day's
    /// position): an invoice is read once and joined to the days it was still open at, not read again for every day.
    /// </summary>
    public static IQueryable<OwedInvoiceAt> OwedAtEach(IIspDb db, IReadOnlyList<DateOnly> days, TimeZoneInfo zone, AgingFilter filter)
    {
        var asOf = days.ToArray();
        var cutoffs = days.Select(d => IspClock.StartOfDay(d.AddDays(1), zone)).ToArray();
        var indexes = Enumerable.Range(0, asOf.Length).ToArray();
        var lastDay = asOf.Max();
        var firstCutoff = cutoffs.Min();
        var invoices = Filtered(db.Invoices.AsNoTracking(), filter)
            .Where(i => i.IssueDate <= lastDay && (i.VoidedAt == null || i.VoidedAt >= firstCutoff) && (i.PaidAt == null || i.PaidAt >= firstCutoff)
                && i.Total != 0);
        return from i in invoices
               from k in indexes.Where(k => i.IssueDate <= asOf[k] && (i.VoidedAt == null || i.VoidedAt >= cutoffs[k]) && (i.PaidAt == null || i.PaidAt >= cutoffs[k]))
               select new OwedInvoiceAt
               {
                   Index = k,
                   Invoice = i,
                   Due = i.AmountPaid == 0 && i.CreditedAmount == 0
                       ? i.Total
                       : i.Total
                           - (db.PaymentAllocations.Where(a => a.InvoiceId == i.Id && a.AllocatedAt < cutoffs[k]).Sum(a => (decimal?)a.Amount) ?? 0m)
                           - (db.CreditNotes.Where(n => n.InvoiceId == i.Id && n.CreatedAt < cutoffs[k]).Sum(n => (decimal?)n.Amount) ?? 0m),
               };
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

/// <summary>One customer's sums per aging bucket (a class with settable members so EF can compose it).</summary>
internal sealed class BucketSum
{
    public int CustomerId { get; init; }
    public decimal NotDue { get; init; }
    public decimal Days1To30 { get; init; }
    public decimal Days31To60 { get; init; }
    public decimal Days61To90 { get; init; }
    public decimal Over90 { get; init; }
    public DateOnly OldestDue { get; init; }
}

/// <summary>An invoice and what it still asked for at a date (a class with settable members so EF can compose it).</summary>
internal sealed class OwedInvoice
{
    public Billing.Invoice Invoice { get; init; } = default!;

    public decimal Due { get; init; }
}

/// <summary>An invoice and what it still asked for at the end of one of several days (<see cref="Index"/>, the day's position).</summary>
internal sealed class OwedInvoiceAt
{
    public int Index { get; init; }

    public Billing.Invoice Invoice { get; init; } = default!;

    public decimal Due { get; init; }
}
