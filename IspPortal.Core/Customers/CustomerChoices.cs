using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers;

public sealed record LocationChoice(int Id, string Code, string Name);

public sealed record RouterChoice(int Id, string Code, string Name, int LocationCodeId, RouterHealth Health, int Customers, double? Latitude, double? Longitude);

public sealed record PoolChoice(int Id, string Name, int? LocationCodeId);

public sealed record PackageChoice(int Id, string Code, string Name, int DownloadMbps, decimal MonthlyPrice);

public sealed record TechnicianChoice(Guid Id, string Name);

/// <summary>What the customer filters and the registration wizard offer to choose from: active items only.</summary>
public sealed record CustomerChoices(
    IReadOnlyList<LocationChoice> Locations,
    IReadOnlyList<RouterChoice> Routers,
    IReadOnlyList<PoolChoice> Pools,
    IReadOnlyList<PackageChoice> Packages,
    IReadOnlyList<TechnicianChoice> Technicians);

public sealed class CustomerChoiceList(IIspDbFactory dbs)
{
    public async Task<CustomerChoices> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var locations = await db.LocationCodes.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code)
            .Select(l => new LocationChoice(l.Id, l.Code, l.Name)).ToListAsync(cancellationToken);
        var routers = await db.Routers.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Code)
            .Select(r => new RouterChoice(r.Id, r.Code, r.Name, r.LocationCodeId, r.Health,
                db.Customers.Count(c => c.RouterId == r.Id && c.Status != CustomerStatus.Terminated), r.Latitude, r.Longitude))
            .ToListAsync(cancellationToken);
        var pools = await db.RouterPools.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name)
            .Select(p => new PoolChoice(p.Id, p.Name, p.LocationCodeId)).ToListAsync(cancellationToken);
        var packages = await db.ServicePackages.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.MonthlyPrice)
            .Select(p => new PackageChoice(p.Id, p.Code, p.Name, p.DownloadMbps, p.MonthlyPrice)).ToListAsync(cancellationToken);
        var technicians = await db.ActiveInRole(Roles.Technician).AsNoTracking()
            .OrderBy(u => u.FullName)
            .Select(u => new TechnicianChoice(u.Id, u.FullName)).ToListAsync(cancellationToken);
        return new CustomerChoices(locations, routers, pools, packages, technicians);
    }
}
