using System.Linq.Expressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.ServicePackages;

public sealed class ServicePackageList(IIspDbFactory dbs)
{
    private static readonly Dictionary<string, Expression<Func<ServicePackage, object?>>> SortColumns = new()
    {
        [nameof(ServicePackage.Code)] = p => p.Code,
        [nameof(ServicePackage.Name)] = p => p.Name,
        [nameof(ServicePackage.DownloadMbps)] = p => p.DownloadMbps,
        [nameof(ServicePackage.MonthlyPrice)] = p => p.MonthlyPrice,
        [nameof(ServicePackage.MikrotikProfile)] = p => p.MikrotikProfile,
        [nameof(ServicePackage.IsActive)] = p => p.IsActive,
    };

    public async Task<PagedResult<ServicePackage>> PageAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var query = db.ServicePackages.AsNoTracking();
        if (request.SearchTerm is { } term)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            query = query.Where(p => EF.Functions.Like(p.Code.ToLower(), pattern) || EF.Functions.Like(p.Name.ToLower(), pattern)
                || EF.Functions.Like(p.MikrotikProfile.ToLower(), pattern));
        }
        return await query.ToPageAsync(request, SortColumns, nameof(ServicePackage.MonthlyPrice), p => p.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<ServicePackage>> AllAsync(bool activeOnly, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.ServicePackages.AsNoTracking()
            .Where(p => !activeOnly || p.IsActive)
            .OrderBy(p => p.MonthlyPrice).ThenBy(p => p.Code)
            .ToListAsync(cancellationToken);
    }
}
