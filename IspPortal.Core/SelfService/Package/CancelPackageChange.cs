using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Package;

/// <summary>
/// Drops a scheduled package change, by the customer in the portal or by staff on the customer's
/// page, while the invoice run has not billed its month (under the run's lock for that month).
/// </summary>
public sealed class CancelPackageChange(IIspDbFactory dbs, IDatabaseLocks locks, ICurrentUser currentUser, TimeProvider clock)
{
    public const string NothingPending = "Tidak ada perubahan paket yang dijadwalkan.";

    /// <returns>The package that was scheduled.</returns>
    public Task<Outcome<string>> ForCustomerAsync(SelfServiceCaller caller, string? address = null, CancellationToken cancellationToken = default) =>
        CancelAsync(c => c.Id == caller.CustomerId, null, address, cancellationToken);

    public async Task<Outcome<string>> ByStaffAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.CustomersWrite))
            return Outcome.Refused<string>("", "Anda tidak berhak mengubah paket pelanggan.");
        return await CancelAsync(c => c.Code == customerCode, actor.UserId, null, cancellationToken);
    }

    private async Task<Outcome<string>> CancelAsync(System.Linq.Expressions.Expression<Func<Customer, bool>> which, Guid? byUserId, string? address, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await db.Customers.AsNoTracking().Where(which).Select(c => new { c.Id, c.PendingPackageFrom }).SingleOrDefaultAsync(cancellationToken);
        if (found?.PendingPackageFrom is not { } month)
            return Outcome.Refused<string>("", NothingPending);
        await locks.LockForTransactionAsync(db, $"package-change:{found.Id}", cancellationToken);
        await locks.LockForTransactionAsync(db, PackageChangeRules.RunLock(month), cancellationToken);
        var customer = await db.Customers.Include(c => c.PendingServicePackage).SingleAsync(c => c.Id == found.Id, cancellationToken);
        if (customer.PendingPackageFrom is null)
            return Outcome.Refused<string>("", NothingPending);
        if (await PackageChangeRules.InvoicedAsync(db, customer.Id, customer.PendingPackageFrom.Value, cancellationToken))
            return Outcome.Refused<string>("", PackageChangeRules.AlreadyBilled(customer.PendingPackageFrom.Value));

        var name = customer.PendingServicePackage!.Name;
        var now = clock.GetUtcNow();
        customer.CancelPackageChange(now);
        db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.PackageChangeRequested,
            $"Perubahan ke {name} dibatalkan{(byUserId is null ? "" : " oleh petugas")}", address, now, byUserId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(name);
    }
}
