using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.ServicePackages;

public sealed class DeleteServicePackage(IIspDbFactory dbs, SaveGuard guard)
{
    public async Task<Outcome<int>> ExecuteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var package = await db.ServicePackages.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (package is null)
            return Outcome.Refused<int>("", "Paket tidak ditemukan; mungkin sudah dihapus.");
        db.ServicePackages.Remove(package);
        return await guard.SaveAsync(db, id, new Dictionary<string, (string, string)>(),
            $"Paket {package.Code} masih dipakai pelanggan atau faktur; nonaktifkan saja.", cancellationToken);
    }
}
