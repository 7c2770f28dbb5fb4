using System.Diagnostics;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Registration;

/// <param name="Provisioned">The secret is on the customer's own router (replicas may still be pending).</param>
public sealed record ProvisioningResult(string CustomerCode, bool Provisioned, string Message);

/// <summary>
/// Puts a customer's pending secrets on their routers (their own and a pool's backups) and, once
/// their own router has it, makes a new customer active. Used right after registration and by the
/// "retry" button; the sync does the same for every pending secret. Safe to repeat: a secret
/// already on the router is adopted, not added again.
/// </summary>
public sealed class ProvisionCustomer(IIspDbFactory dbs, ISecretProtector secrets, IRouterGateway gateway, ICurrentUser actors, Network.Sync.NetworkChangeFeed feed, TimeProvider clock)
{
    public async Task<Outcome<ProvisioningResult>> ExecuteAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
            return Outcome.Refused<ProvisioningResult>("", "Pelanggan tidak ditemukan.");
        var waiting = await db.PppoeSecrets.Include(s => s.Router)
            .Where(s => s.CustomerId == customerId && (s.Status == PppoeSecretStatus.Pending || s.Status == PppoeSecretStatus.Failed))
            .OrderBy(s => s.IsReplica)
            .ToListAsync(cancellationToken);
        var userId = (await actors.GetAsync(cancellationToken)).UserId;

        string? ownFailure = null;
        var done = new List<PppoeSecret>();
        foreach (var secret in waiting)
        {
            var router = secret.Router!;
            var watch = Stopwatch.StartNew();
            string? failure = null;
            try
            {
                var connection = await gateway.OpenAsync(RouterAccess.Endpoint(router, secrets), cancellationToken);
                await SecretProvisioning.ApplyAsync(connection, secret, null, secrets, clock.GetUtcNow(), cancellationToken,
                    remove: customer.Status == CustomerStatus.Terminated);
                done.Add(secret);
            }
            catch (RouterOsException exception)
            {
                failure = RouterAccess.Explain(exception);
                secret.RecordFailure(failure, clock.GetUtcNow());
                if (!secret.IsReplica)
                    ownFailure = failure;
            }
            db.RouterLogs.Add(new RouterLog(router.Id, clock.GetUtcNow(), "provision", failure is null ? RouterLogOutcome.Succeeded : RouterLogOutcome.Failed,
                failure ?? $"Secret {secret.Username}{(secret.IsReplica ? " (replika)" : "")} {(secret.Status == PppoeSecretStatus.Removed ? "dihapus" : "terpasang")}")
            {
                CustomerId = customerId,
                UserId = userId,
                DurationMs = (int)watch.ElapsedMilliseconds,
            });
        }

        var now = clock.GetUtcNow();
        await RegistrationProgress.CompleteProvisionedAsync(db, done, StatusChangeSource.Registration, now, cancellationToken);
        if (ownFailure is not null)
        {
            var registration = await db.CustomerRegistrations
                .SingleOrDefaultAsync(r => r.CustomerId == customerId && r.Status == RegistrationStatus.PendingProvisioning, cancellationToken);
            registration?.RecordProvisioningFailure(ownFailure, now);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        // Open maps show a new customer, an activation or a termination at once.
        if (await db.Customers.AsNoTracking().Include(c => c.Router).SingleAsync(c => c.Id == customerId, CancellationToken.None) is { Router: { } home } saved)
            feed.PublishCustomer(home, saved, now);

        var own = await db.PppoeSecrets.AsNoTracking()
            .Where(s => s.CustomerId == customerId && !s.IsReplica)
            .OrderBy(s => s.Status == PppoeSecretStatus.Removed)
            .Select(s => new { s.Status, s.LastError }).FirstOrDefaultAsync(cancellationToken);
        var provisioned = own?.Status is PppoeSecretStatus.Provisioned or PppoeSecretStatus.Disabled
            || (customer.Status == CustomerStatus.Terminated && ownFailure is null);
        return Outcome.Done(new ProvisioningResult(customer.Code, provisioned,
            provisioned ? $"Router pelanggan {customer.Code} sudah sesuai."
            : $"Router belum dapat menerima secret: {ownFailure ?? own?.LastError ?? "belum dicoba"} Sinkronisasi berikutnya akan mencoba lagi."));
    }
}
