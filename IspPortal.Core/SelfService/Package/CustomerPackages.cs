using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Package;

/// <param name="Current">The customer's package now (listed even when no longer sold).</param>
/// <param name="Pending">The package the customer moves to at <see cref="PendingPackageChange.From"/>.</param>
public sealed record PackageChoice(int Id, string Name, int DownloadMbps, int UploadMbps, decimal MonthlyPrice, bool Current, bool Pending);

public sealed record PendingPackageChange(int PackageId, string PackageName, decimal MonthlyPrice, DateOnly From);

/// <param name="SelfServiceChanges">The customer changes the package here (from next month); otherwise the choice opens a request ticket.</param>
/// <param name="OpenRequestTicket">The request ticket still waiting for staff, whose number the customer follows.</param>
public sealed record CustomerPackagesView(bool SelfServiceChanges, IReadOnlyList<PackageChoice> Packages, PendingPackageChange? Pending, string? OpenRequestTicket);

/// <summary>The Paket page: the packages on offer, cheapest first, the caller's own marked, and what is already on its way.</summary>
public sealed class CustomerPackages(IIspDbFactory dbs, PortalSettings settings)
{
    public async Task<CustomerPackagesView> LoadAsync(SelfServiceCaller caller, CancellationToken cancellationToken = default)
    {
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == caller.CustomerId)
            .Select(c => new { c.ServicePackageId, c.PendingServicePackageId, c.PendingPackageFrom })
            .SingleAsync(cancellationToken);
        var packages = await db.ServicePackages.AsNoTracking()
            .Where(p => p.IsActive || p.Id == customer.ServicePackageId || p.Id == customer.PendingServicePackageId)
            .OrderBy(p => p.MonthlyPrice).ThenBy(p => p.DownloadMbps).ThenBy(p => p.Name)
            .Select(p => new PackageChoice(p.Id, p.Name, p.DownloadMbps, p.UploadMbps, p.MonthlyPrice,
                p.Id == customer.ServicePackageId, p.Id == customer.PendingServicePackageId))
            .ToListAsync(cancellationToken);
        var pending = customer.PendingPackageFrom is { } from && packages.SingleOrDefault(p => p.Pending) is { } chosen
            ? new PendingPackageChange(chosen.Id, chosen.Name, chosen.MonthlyPrice, from)
            : null;
        var ticket = await PackageChangeRules.OpenRequests(db, caller.CustomerId)
            .OrderByDescending(t => t.CreatedAt).Select(t => t.Number).FirstOrDefaultAsync(cancellationToken);
        return new CustomerPackagesView(billing.CustomersChangePackage, packages, pending, ticket);
    }
}
