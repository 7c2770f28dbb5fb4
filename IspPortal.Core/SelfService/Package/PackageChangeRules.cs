using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Package;

/// <summary>What the customer's package-change request, its cancellation and the list of choices agree on.</summary>
internal static class PackageChangeRules
{
    public const string CategoryCode = "UPGRADE";
    public const string SubjectPrefix = "Permintaan ganti paket";

    /// <summary>A request ticket still waiting for staff: neither resolved nor done.</summary>
    public static IQueryable<Ticket> OpenRequests(IIspDb db, int customerId) =>
        db.Tickets.Where(t => t.CustomerId == customerId && t.Subject.StartsWith(SubjectPrefix)
            && t.Status != TicketStatus.Resolved && !Ticket.Done.Contains(t.Status));

    /// <summary>The packages on offer: the active ones.</summary>
    public static IQueryable<ServicePackage> Offered(IIspDb db) => db.ServicePackages.Where(p => p.IsActive);

    /// <returns>Why the customer cannot change the package at all, or null.</returns>
    public static string? CustomerProblem(Customer customer) => customer.Status switch
    {
        CustomerStatus.Terminated => "Langganan Anda sudah berhenti; paket tidak bisa diganti.",
        CustomerStatus.PendingProvisioning => "Layanan Anda belum terpasang; paket bisa diganti setelah pemasangan selesai.",
        _ => null,
    };

    /// <summary>
    /// The first month a change chosen today is billed from: next month, or the one after when next
    /// month's invoice was already made (the run may bill a month early) and must not change under the customer.
    /// </summary>
    public static async Task<DateOnly> FirstMonthAsync(IIspDb db, int customerId, DateOnly today, CancellationToken cancellationToken)
    {
        var next = Invoice.FirstDayOf(today).AddMonths(1);
        return await InvoicedAsync(db, customerId, next, cancellationToken) ? next.AddMonths(1) : next;
    }

    /// <summary>The invoice run's lock for <paramref name="month"/>: held, no run bills that month until the transaction ends.</summary>
    public static string RunLock(DateOnly month) => $"billing-invoices:{month:yyyy-MM}";

    public static Task<bool> InvoicedAsync(IIspDb db, int customerId, DateOnly month, CancellationToken cancellationToken) =>
        db.Invoices.AnyAsync(i => i.CustomerId == customerId && i.Period == month, cancellationToken);

    public static string AlreadyBilled(DateOnly month) =>
        $"Tagihan {BillingPeriodName(month)} sudah dibuat dengan paket baru; perubahan ini tidak bisa diubah lagi. Hubungi kami lewat menu Tiket.";

    public static string BillingPeriodName(DateOnly month) => month.ToString("MMMM yyyy", Rupiah.Indonesia);
}
