using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.SelfService.Tickets;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Package;

public enum PackageChangeKind
{
    /// <summary>A ticket asks staff to change the package.</summary>
    Ticket,
    /// <summary>The change is billed and applied from <see cref="PackageChangeResult.From"/>.</summary>
    Scheduled,
}

public sealed record PackageChangeResult(PackageChangeKind Kind, string PackageName, string? TicketNumber, DateOnly? From);

/// <summary>
/// The customer picks another package. With <see cref="BillingSettings.CustomersChangePackage"/> off,
/// a ticket in the UPGRADE category asks staff (one open request at a time); on, the change is
/// scheduled from the next month that has no invoice yet: the invoice run bills that month at the new
/// price and <see cref="ApplyPackageChanges"/> moves the routers on its first day. Requests of one
/// customer take turns, and a schedule holds the invoice run's lock for its month, so a run cannot
/// bill the month between the check and the change.
/// </summary>
public sealed class RequestPackageChange(IIspDbFactory dbs, IDatabaseLocks locks, OpenCustomerTicket tickets, PortalSettings settings, IspClock ispClock, TimeProvider clock)
{
    public const string DuplicateField = "";

    public async Task<Outcome<PackageChangeResult>> ExecuteAsync(SelfServiceCaller caller, int? packageId, string? address = null, CancellationToken cancellationToken = default)
    {
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, $"package-change:{caller.CustomerId}", cancellationToken);
        var customer = await db.Customers.Include(c => c.ServicePackage).Include(c => c.PendingServicePackage)
            .SingleAsync(c => c.Id == caller.CustomerId, cancellationToken);
        if (PackageChangeRules.CustomerProblem(customer) is { } problem)
            return Outcome.Refused<PackageChangeResult>("", problem);
        var package = packageId is { } id ? await PackageChangeRules.Offered(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (package is null)
            return Outcome.Refused<PackageChangeResult>("PackageId", "Pilih paket yang masih dijual.");
        if (package.Id == customer.ServicePackageId)
            return Outcome.Refused<PackageChangeResult>("PackageId", $"Anda sudah memakai paket {package.Name}.");

        var from = customer.ServicePackage!;
        var now = clock.GetUtcNow();
        PackageChangeResult result;
        if (!billing.CustomersChangePackage)
        {
            if (await PackageChangeRules.OpenRequests(db, customer.Id).Select(t => t.Number).FirstOrDefaultAsync(cancellationToken) is { } open)
                return Outcome.Refused<PackageChangeResult>(DuplicateField, $"Permintaan ganti paket Anda masih diproses di tiket {open}.");
            var category = await db.TicketCategories.SingleOrDefaultAsync(c => c.IsActive && c.Code == PackageChangeRules.CategoryCode, cancellationToken);
            var subject = $"{PackageChangeRules.SubjectPrefix}: {from.Name} → {package.Name}";
            var description = $"{subject}.\nPaket sekarang: {from.Name} ({Rupiah.Format(from.MonthlyPrice)}/bulan).\n"
                + $"Paket yang diminta: {package.Name}, {package.DownloadMbps}/{package.UploadMbps} Mbps ({Rupiah.Format(package.MonthlyPrice)}/bulan).";
            var ticket = await tickets.WriteAsync(db, caller, category, subject, description, [], cancellationToken);
            result = new PackageChangeResult(PackageChangeKind.Ticket, package.Name, ticket.Number, null);
            db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.PackageChangeRequested,
                $"{from.Name} → {package.Name}: tiket {ticket.Number}", address, now));
        }
        else
        {
            if (customer.PendingPackageFrom is { } earlier)
            {
                await locks.LockForTransactionAsync(db, PackageChangeRules.RunLock(earlier), cancellationToken);
                if (await PackageChangeRules.InvoicedAsync(db, customer.Id, earlier, cancellationToken))
                    return Outcome.Refused<PackageChangeResult>("", PackageChangeRules.AlreadyBilled(earlier));
            }
            if (package.Id == customer.PendingServicePackageId)
                return Outcome.Refused<PackageChangeResult>("PackageId", $"Paket {package.Name} sudah dijadwalkan mulai {PackageChangeRules.BillingPeriodName(customer.PendingPackageFrom!.Value)}.");
            var month = await PackageChangeRules.FirstMonthAsync(db, customer.Id, today, cancellationToken);
            await locks.LockForTransactionAsync(db, PackageChangeRules.RunLock(month), cancellationToken);
            // Checked again under the run's lock: a run that billed the month meanwhile moves the change a month on.
            month = await PackageChangeRules.FirstMonthAsync(db, customer.Id, today, cancellationToken);
            customer.SchedulePackageChange(package.Id, month, now);
            result = new PackageChangeResult(PackageChangeKind.Scheduled, package.Name, null, month);
            db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.PackageChangeRequested,
                $"{from.Name} → {package.Name} mulai {PackageChangeRules.BillingPeriodName(month)}", address, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(result);
    }
}
