using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.SelfService.Package;

/// <summary>
/// From the first day of its month, a scheduled package change is made through
/// <see cref="ChangeCustomerPackage"/>, which moves the routers to the new profile and clears the
/// schedule in the same save, so a second run finds nothing to do. A change that cannot be made
/// (the package was withdrawn meanwhile) stays scheduled, shown on the customer's page, for staff
/// to decide. One instance runs at a time.
/// </summary>
public sealed class ApplyPackageChanges(IIspDbFactory dbs, IDatabaseLocks locks, ChangeCustomerPackage change, IspClock ispClock, TimeProvider clock,
    ILogger<ApplyPackageChanges> logger)
{
    public const string LockName = "job:package-changes";

    /// <returns>The customers whose package changed; null when another instance holds the job.</returns>
    public async Task<IReadOnlyList<string>?> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(db, LockName, cancellationToken))
            return null;
        var today = await ispClock.TodayAsync(cancellationToken);
        var due = await db.Customers.AsNoTracking()
            .Where(c => c.PendingPackageFrom != null && c.PendingPackageFrom <= today)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Status, PackageId = c.PendingServicePackageId!.Value })
            .ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var customer in due)
        {
            if (customer.Status == CustomerStatus.Terminated)
            {
                var left = await db.Customers.SingleAsync(c => c.Id == customer.Id, cancellationToken);
                left.CancelPackageChange(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }
            var outcome = await change.ExecuteAsync(customer.Code, customer.PackageId, cancellationToken);
            if (outcome.Succeeded)
                changed.Add(customer.Code);
            else
                logger.LogWarning("Scheduled package change of {Customer} not made: {Reason}", customer.Code, outcome.FirstError);
        }
        await transaction.CommitAsync(cancellationToken);
        if (changed.Count > 0)
            logger.LogInformation("Scheduled package changes made for {Customers}", string.Join(", ", changed));
        return changed;
    }
}
