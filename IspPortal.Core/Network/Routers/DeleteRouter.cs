using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Routers;

public sealed class DeleteRouter(IIspDbFactory dbs, SaveGuard guard)
{
    public async Task<Outcome<int>> ExecuteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var router = await db.Routers.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (router is null)
            return Outcome.Refused<int>("", "Router tidak ditemukan; mungkin sudah dihapus.");
        db.Routers.Remove(router);
        return await guard.SaveAsync(db, id, new Dictionary<string, (string, string)>(),
            $"Router {router.Code} masih dipakai pelanggan, secret PPPoE atau pool; nonaktifkan saja.", cancellationToken);
    }
}
