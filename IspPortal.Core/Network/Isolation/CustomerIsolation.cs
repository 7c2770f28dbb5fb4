using System.Diagnostics;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Isolation;

/// <param name="AppliedOnRouter">False when the router could not be reached: the decision is saved and
/// the secret is marked failed with the error, so the next sync applies it.</param>
[FeatureApi]
public sealed record IsolationResult(string CustomerCode, CustomerStatus Status, bool AppliedOnRouter, bool AlreadyDone, string Message);

/// <summary>
/// Isolir and activate, the same way for every caller (NOC screen, billing automation, API).
/// The decision is saved first, in one transaction with its status log, and the secret is marked
/// pending; then the router is changed with the router's own method, and the session is kicked so
/// the change bites now; then the outcome is saved. A crash between those steps leaves a pending
/// secret, an unreachable router a failed one; the sync finishes either. Running it again changes nothing twice.
/// </summary>
[FeatureApi]
public sealed class CustomerIsolation(IIspDbFactory dbs, ISecretProtector secrets, IRouterGateway gateway, ICurrentUser currentUser, Sync.NetworkChangeFeed feed, TimeProvider clock)
{
    public Task<Outcome<IsolationResult>> IsolateAsync(string customerCode, string reason, StatusChangeSource source, CancellationToken cancellationToken = default) =>
        ChangeAsync(customerCode, CustomerStatus.Isolated, reason, source, cancellationToken);

    public Task<Outcome<IsolationResult>> ActivateAsync(string customerCode, string reason, StatusChangeSource source, CancellationToken cancellationToken = default) =>
        ChangeAsync(customerCode, CustomerStatus.Active, reason, source, cancellationToken);

    private async Task<Outcome<IsolationResult>> ChangeAsync(string customerCode, CustomerStatus target, string reason, StatusChangeSource source, CancellationToken cancellationToken)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > Customer.ReasonMaxLength)
            return Outcome.Refused<IsolationResult>("Reason", $"Alasan wajib diisi (maks. {Customer.ReasonMaxLength} karakter).");

        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.Include(c => c.ServicePackage).SingleOrDefaultAsync(c => c.Code == customerCode.Trim(), cancellationToken);
        if (customer is null)
            return Outcome.Refused<IsolationResult>("CustomerCode", $"Pelanggan {customerCode} tidak ditemukan.");
        if (customer.Status is not (CustomerStatus.Active or CustomerStatus.Isolated))
            return Outcome.Refused<IsolationResult>("CustomerCode", $"Pelanggan {customer.Code} berstatus {customer.Status}; hanya pelanggan aktif atau terisolir yang dapat diisolir atau diaktifkan.");
        var router = customer.RouterId is { } routerId ? await db.Routers.SingleOrDefaultAsync(r => r.Id == routerId, cancellationToken) : null;
        var secret = router is null ? null : await db.PppoeSecrets
            .Where(s => s.CustomerId == customer.Id && s.RouterId == router.Id && !s.IsReplica && s.Status != PppoeSecretStatus.Removed)
            .SingleOrDefaultAsync(cancellationToken);
        if (router is null || secret is null)
            return Outcome.Refused<IsolationResult>("CustomerCode", $"Pelanggan {customer.Code} belum punya secret PPPoE di router.");

        var wanted = Wanted(router, customer, target);
        var alreadyDecided = customer.Status == target;
        if (alreadyDecided && secret.Status != PppoeSecretStatus.Pending && secret.Profile == wanted.Profile && secret.IsDisabled == wanted.Disabled)
            return Outcome.Done(new IsolationResult(customer.Code, target, true, true, $"Pelanggan {customer.Code} sudah {Describe(target)}."));

        var actor = await currentUser.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using (var decision = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (customer.ChangeStatus(target, source, reason, now, actor.UserId) is { } log)
                db.CustomerStatusLogs.Add(log);
            secret.Change(null, wanted.Profile, wanted.Disabled, now);
            // A pool's backup routers hold copies for failover; their own sync applies the change.
            var replicas = await db.PppoeSecrets.Include(s => s.Router)
                .Where(s => s.CustomerId == customer.Id && s.IsReplica && s.Status != PppoeSecretStatus.Removed)
                .ToListAsync(cancellationToken);
            foreach (var replica in replicas)
            {
                var copy = Wanted(replica.Router!, customer, target);
                replica.Change(null, copy.Profile, copy.Disabled, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            await decision.CommitAsync(cancellationToken);
        }

        var operation = target == CustomerStatus.Isolated ? "isolate" : "activate";
        var watch = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            var connection = await gateway.OpenAsync(RouterAccess.Endpoint(router, secrets), cancellationToken);
            await ApplyAsync(connection, router, secret, target, cancellationToken);
        }
        catch (RouterOsException exception)
        {
            failure = RouterAccess.Explain(exception);
        }

        var at = clock.GetUtcNow();
        if (failure is null)
            secret.MarkProvisioned(secret.RouterItemId, at);
        else
            secret.RecordFailure(failure, at);
        db.RouterLogs.Add(new RouterLog(router.Id, at, operation, failure is null ? RouterLogOutcome.Succeeded : RouterLogOutcome.Failed, failure ?? reason)
        {
            CustomerId = customer.Id,
            UserId = actor.UserId,
            DurationMs = (int)watch.ElapsedMilliseconds,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        feed.PublishCustomer(router, customer, at);

        return Outcome.Done(failure is null
            ? new IsolationResult(customer.Code, target, true, false, $"Pelanggan {customer.Code} {Describe(target)} di router {router.Code}.")
            : new IsolationResult(customer.Code, target, false, false, $"Pelanggan {customer.Code} tercatat {Describe(target)}, tetapi router {router.Code} belum berubah: {failure} Sinkronisasi berikutnya akan mencoba lagi."));
    }

    /// <summary>What the secret in the database should say once the change is done.</summary>
    private static (string Profile, bool Disabled) Wanted(Router router, Customer customer, CustomerStatus target) =>
        IsolationRules.SecretFor(router, customer.ServicePackage!.MikrotikProfile, target);

    private static async Task ApplyAsync(IRouterConnection connection, Router router, PppoeSecret secret, CustomerStatus target, CancellationToken cancellationToken)
    {
        var id = (await SecretProvisioning.FindAsync(connection, secret.Username, cancellationToken))?.Id
            ?? throw new RouterOsException(RouterOsErrorCategory.NotFound, $"secret {secret.Username} tidak ada di router", $"secret {secret.Username} tidak ada di router");
        var isolate = target == CustomerStatus.Isolated;
        switch (router.IsolationMethod)
        {
            case IsolationMethod.Profile:
                await connection.UpdateSecretAsync(id, new RouterSecretChanges(Profile: secret.Profile, Disabled: false), cancellationToken);
                // A session keeps the profile it connected with: kick it so the CPE redials into the new one.
                await connection.KickUserAsync(secret.Username, cancellationToken);
                break;
            case IsolationMethod.DisableSecret:
                if (isolate)
                {
                    await connection.DisableSecretAsync(id, cancellationToken);
                    await connection.KickUserAsync(secret.Username, cancellationToken);
                }
                else
                {
                    // The CPE keeps redialling a disabled secret; once enabled its next attempt succeeds, no kick needed.
                    await connection.EnableSecretAsync(id, cancellationToken);
                }
                break;
            case IsolationMethod.AddressList:
                // No kick here: a redial would change the address that the list entry names.
                await ApplyAddressListAsync(connection, router.IsolationAddressList, secret, isolate, cancellationToken);
                break;
        }
    }

    private static async Task ApplyAddressListAsync(IRouterConnection connection, string list, PppoeSecret secret, bool isolate, CancellationToken cancellationToken)
    {
        var entries = new List<RouterAddressListEntry>();
        await foreach (var entry in connection.GetAddressListAsync(list, cancellationToken))
        {
            if (entry.Comment == secret.Username && !entry.Dynamic)
                entries.Add(entry);
        }
        if (!isolate)
        {
            foreach (var entry in entries)
                await connection.RemoveAddressListEntryAsync(entry.Id, cancellationToken);
            return;
        }
        if (entries.Count > 0)
            return;
        var address = secret.RemoteAddress?.ToString();
        await foreach (var session in connection.GetSessionsAsync(secret.Username, cancellationToken: cancellationToken))
            address ??= session.Address;
        if (address is null)
        {
            var offline = $"{secret.Username} sedang offline dan tidak punya alamat tetap untuk address list.";
            throw new RouterOsException(RouterOsErrorCategory.Other, offline, offline);
        }
        await connection.AddAddressListEntryAsync(list, address, secret.Username, cancellationToken);
    }

    private static string Describe(CustomerStatus status) => status == CustomerStatus.Isolated ? "diisolir" : "aktif";
}
