using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Pools;

public sealed class DeleteRouterPool(IIspDbFactory dbs, SaveGuard guard)
{
    public async Task<Outcome<int>> ExecuteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var pool = await db.RouterPools.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pool is null)
            return Outcome.Refused<int>("", "Pool router tidak ditemukan; mungkin sudah dihapus.");
        db.RouterPools.Remove(pool);
        return await guard.SaveAsync(db, id, new Dictionary<string, (string, string)>(),
            $"Pool {pool.Name} masih dipakai pelanggan; nonaktifkan saja.", cancellationToken);
    }
}
