using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.LocationCodes;

public sealed class DeleteLocationCode(IIspDbFactory dbs, SaveGuard guard)
{
    public async Task<Outcome<int>> ExecuteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var location = await db.LocationCodes.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
            return Outcome.Refused<int>("", "Kode lokasi tidak ditemukan; mungkin sudah dihapus.");
        db.LocationCodes.Remove(location);
        return await guard.SaveAsync(db, id, new Dictionary<string, (string, string)>(),
            $"Kode lokasi {location.Code} masih dipakai router atau pelanggan; nonaktifkan saja.", cancellationToken);
    }
}
