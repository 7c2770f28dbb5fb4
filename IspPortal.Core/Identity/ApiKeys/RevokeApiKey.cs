using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Identity.ApiKeys;

public sealed class RevokeApiKey(IIspDbFactory dbs, TimeProvider clock)
{
    public async Task<Outcome<int>> ExecuteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
            return Outcome.Refused<int>("", "Kunci API tidak ditemukan.");
        if (key.RevokedAt is not null)
            return Outcome.Refused<int>("", "Kunci API ini sudah dicabut.");
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done<int>(id);
    }
}
