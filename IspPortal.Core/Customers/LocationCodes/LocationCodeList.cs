using System.Linq.Expressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.LocationCodes;

public sealed class LocationCodeList(IIspDbFactory dbs)
{
    private static readonly Dictionary<string, Expression<Func<LocationCode, object?>>> SortColumns = new()
    {
        [nameof(LocationCode.Code)] = l => l.Code,
        [nameof(LocationCode.Name)] = l => l.Name,
        [nameof(LocationCode.City)] = l => l.City,
        [nameof(LocationCode.IsActive)] = l => l.IsActive,
    };

    public async Task<PagedResult<LocationCode>> PageAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var query = db.LocationCodes.AsNoTracking();
        if (request.SearchTerm is { } term)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            query = query.Where(l => EF.Functions.Like(l.Code.ToLower(), pattern) || EF.Functions.Like(l.Name.ToLower(), pattern)
                || (l.City != null && EF.Functions.Like(l.City.ToLower(), pattern)));
        }
        return await query.ToPageAsync(request, SortColumns, nameof(LocationCode.Code), l => l.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<LocationCode>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.LocationCodes.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code).ToListAsync(cancellationToken);
    }
}
