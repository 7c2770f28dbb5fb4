using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Routers;

/// <summary>Finds a router by the code people and scripts know it by (e.g. <c>CKP</c>), in any case and spacing.</summary>
public sealed class RouterByCode(IIspDbFactory dbs)
{
    /// <returns>The router's id, or null when no router has that code.</returns>
    public async Task<int?> IdOfAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = Router.NormalizeCode(code);
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Routers.Where(r => r.Code == normalized).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
