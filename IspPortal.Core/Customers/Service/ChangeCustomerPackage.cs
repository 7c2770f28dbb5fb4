using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Isolation;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Service;

/// <summary>
/// Moves a customer to another package: the customer row and the secrets' profile are saved
/// together, then the routers follow (the session is dropped so the new speed applies at once).
/// An isolated customer keeps the isolation profile until activated, then gets the new package's.
/// </summary>
[FeatureApi]
public sealed class ChangeCustomerPackage(IIspDbFactory dbs, ProvisionCustomer provisioning, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(string customerCode, int servicePackageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (customer, refusal) = await ServicedCustomer.FindAsync(db, customerCode, cancellationToken);
        if (customer is null)
            return Outcome.Refused<string>("", refusal);
        var package = await db.ServicePackages.SingleOrDefaultAsync(p => p.Id == servicePackageId, cancellationToken);
        if (package is not { IsActive: true })
            return Outcome.Refused<string>(nameof(servicePackageId), "Pilih paket layanan yang aktif.");
        if (package.Id == customer.ServicePackageId)
            return Outcome.Refused<string>(nameof(servicePackageId), $"Pelanggan {customer.Code} sudah memakai paket {package.Name}.");

        var now = clock.GetUtcNow();
        customer.ChangePackage(package.Id, now);
        // The profile each copy's router wants for the customer's status (an isolation profile stays
        // until activation); the disabled flag is isolation's or suspension's business, not the package's.
        foreach (var copy in await db.PppoeSecrets.Include(s => s.Router)
                     .Where(s => s.CustomerId == customer.Id && s.Status != PppoeSecretStatus.Removed).ToListAsync(cancellationToken))
            copy.Change(null, IsolationRules.SecretFor(copy.Router!, package.MikrotikProfile, customer.Status).Profile, null, now);
        await db.SaveChangesAsync(cancellationToken);

        var applied = await provisioning.ExecuteAsync(customer.Id, cancellationToken);
        return Outcome.Done(applied.Value?.Provisioned ?? false
            ? $"Paket {customer.Code} diganti ke {package.Name}; profil di router sudah diperbarui."
            : $"Paket {customer.Code} diganti ke {package.Name}; router belum dapat dihubungi, sinkronisasi berikutnya akan memperbaruinya.");
    }
}
