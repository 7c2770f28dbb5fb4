using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Package;

/// <summary>The package change a customer scheduled, as staff see it beside the package on the customer's page.</summary>
public sealed class ScheduledPackageChanges(IIspDbFactory dbs)
{
    /// <returns>Null when nothing is scheduled.</returns>
    public async Task<PendingPackageChange?> ForCustomerAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Code == customerCode && c.PendingPackageFrom != null)
            .Select(c => new PendingPackageChange(c.PendingServicePackageId!.Value, c.PendingServicePackage!.Name, c.PendingServicePackage.MonthlyPrice, c.PendingPackageFrom!.Value))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
