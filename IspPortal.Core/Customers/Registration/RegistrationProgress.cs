using IspPortal.Core.Common;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Registration;

/// <summary>
/// What happens to a new customer once the secret on their own router is in place, whoever put it
/// there (the registration itself, the retry button or the sync): the customer becomes active and
/// the registration moves on to installation. Tracked changes; the caller saves.
/// </summary>
[FeatureApi]
public static class RegistrationProgress
{
    public const string ProvisionedReason = "Secret PPPoE terpasang di router";

    public static async Task CompleteProvisionedAsync(IIspDb db, IEnumerable<PppoeSecret> provisioned, StatusChangeSource source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var customerIds = provisioned.Where(s => !s.IsReplica && s.Status is PppoeSecretStatus.Provisioned or PppoeSecretStatus.Disabled)
            .Select(s => s.CustomerId).Distinct().ToList();
        if (customerIds.Count == 0)
            return;
        var waiting = await db.Customers
            .Where(c => customerIds.Contains(c.Id) && c.Status == CustomerStatus.PendingProvisioning)
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(c => c.Id).ToList();
        var registrations = await db.CustomerRegistrations
            .Where(r => ids.Contains(r.CustomerId) && r.Status == RegistrationStatus.PendingProvisioning)
            .ToDictionaryAsync(r => r.CustomerId, cancellationToken);
        foreach (var customer in waiting)
        {
            if (customer.ChangeStatus(CustomerStatus.Active, source, ProvisionedReason, at) is { } log)
                db.CustomerStatusLogs.Add(log);
            if (registrations.TryGetValue(customer.Id, out var registration))
                registration.MarkProvisioned(at);
        }
    }
}
