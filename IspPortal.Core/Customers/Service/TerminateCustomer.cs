using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Service;

/// <summary>
/// Ends a subscription: the status (which stops billing) and the decision to remove the secrets are
/// saved together, then the secrets are removed from the routers and the session dropped. Until a
/// router is reachable its copy is disabled-pending, and the sync removes it.
/// </summary>
public sealed class TerminateCustomer(IIspDbFactory dbs, ProvisionCustomer provisioning, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(string customerCode, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > Customer.ReasonMaxLength)
            return Outcome.Refused<string>("Reason", $"Alasan wajib diisi (maks. {Customer.ReasonMaxLength} karakter).");
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (customer, refusal) = await ServicedCustomer.FindAsync(db, customerCode, cancellationToken);
        if (customer is null)
            return Outcome.Refused<string>("", refusal);

        var actor = await currentUser.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (customer.ChangeStatus(CustomerStatus.Terminated, StatusChangeSource.User, reason, now, actor.UserId) is { } log)
                db.CustomerStatusLogs.Add(log);
            foreach (var copy in await db.PppoeSecrets.Where(s => s.CustomerId == customer.Id && s.Status != PppoeSecretStatus.Removed).ToListAsync(cancellationToken))
                copy.Change(null, null, disabled: true, now);
            var open = await db.CustomerRegistrations.SingleOrDefaultAsync(r => r.CustomerId == customer.Id
                && r.Status != RegistrationStatus.Completed && r.Status != RegistrationStatus.Cancelled, cancellationToken);
            open?.Cancel("Pelanggan berhenti: " + reason, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var removed = await provisioning.ExecuteAsync(customer.Id, cancellationToken);
        return Outcome.Done(removed.Value?.Provisioned ?? false
            ? $"Pelanggan {customer.Code} berhenti berlangganan; secret PPPoE dihapus dari router."
            : $"Pelanggan {customer.Code} berhenti berlangganan; router belum dapat dihubungi, secret akan dihapus pada sinkronisasi berikutnya.");
    }
}
