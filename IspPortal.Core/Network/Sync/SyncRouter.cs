using System.Diagnostics;
using System.Net;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Monitoring;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Sync;

public sealed record RouterSyncResult(int RouterId, string RouterCode, bool Succeeded, int Sessions, int CustomersChanged, int SecretsRepaired, TimeSpan Duration, string? Error);

/// <summary>
/// Reads one router's <c>/ppp/active</c> and <c>/ppp/secret</c> and brings the database up to
/// date: each customer's connection (online, offline, disabled, address, session start) with a
/// status log only when it changed; secrets the portal decided on but could not apply yet (pending
/// or failed) are applied now; the router's health and a health sample; a <c>router_logs</c> row;
/// alerts opened, refreshed or resolved (<see cref="Monitoring.NetworkAlertRules"/>), and the staff
/// told of them through the outbox in the same transaction (<see cref="Monitoring.AlertNotices"/>).
/// Changes are published for live screens after they are saved.
/// </summary>
public sealed class SyncRouter(
    IIspDbFactory dbs, ISecretProtector secrets, IRouterGateway gateway, IConnectionWriter connections, NetworkChangeFeed feed, PortalSettings settings,
    Monitoring.AlertNotices notices, PortalMetrics metrics, TimeProvider clock)
{
    /// <summary>Up to this many pending secrets are looked up one by one rather than reading every secret of the router.</summary>
    public const int PendingLookedUpByName = 20;

    public async Task<RouterSyncResult> ExecuteAsync(int routerId, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await dbs.CreateAsync(cancellationToken);
        var router = await db.Routers.SingleAsync(r => r.Id == routerId, cancellationToken);
        try
        {
            var connection = await gateway.OpenAsync(RouterAccess.Endpoint(router, secrets), cancellationToken);
            var resource = await connection.GetResourceAsync(cancellationToken);
            var sessions = new Dictionary<string, RouterSession>(StringComparer.Ordinal);
            await foreach (var session in connection.GetSessionsAsync(properties: ["name", "address", "uptime"], cancellationToken: cancellationToken))
                sessions.TryAdd(session.Name, session);
            long rxBytes = 0, txBytes = 0;
            // Customers' dynamic pppoe-in interfaces are inside the configured links' totals already,
            // and a busy router has thousands of them: the router filters them out.
            await foreach (var link in connection.GetInterfacesAsync(dynamic: false, cancellationToken: cancellationToken))
            {
                if (router.UplinkInterface is null || link.Name == router.UplinkInterface)
                    (rxBytes, txBytes) = (rxBytes + link.RxBytes, txBytes + link.TxBytes);
            }
            var pending = await db.PppoeSecrets
                .Where(s => s.RouterId == router.Id && (s.Status == PppoeSecretStatus.Pending || s.Status == PppoeSecretStatus.Failed))
                .ToListAsync(cancellationToken);
            // The connection states need only the disabled secrets, and a few pending ones are looked up by
            // name: a router then sends a handful of secrets instead of its thousands. Many pending ones
            // (a router back after a wave of registrations) are cheaper read in one print.
            var secretQuery = pending.Count > PendingLookedUpByName
                ? new RouterSecretQuery(Properties: SecretProvisioning.ComparedProperties)
                : new RouterSecretQuery(Disabled: true, Properties: SecretProvisioning.ComparedProperties);
            var onRouter = new Dictionary<string, RouterSecret>(StringComparer.Ordinal);
            await foreach (var secret in connection.GetSecretsAsync(secretQuery, cancellationToken))
                onRouter.TryAdd(secret.Name, secret);

            var now = clock.GetUtcNow();
            var repaired = await RepairPendingAsync(db, connection, pending, onRouter, now, cancellationToken);
            // Opened after the router calls above: no transaction waits on a router's network.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (writes, changes) = await ObserveConnectionsAsync(db, router, sessions, onRouter, now, cancellationToken);

            var alerts = await NetworkAlertRules.OnSyncSucceededAsync(db, router, router.ActiveSessions, sessions.Count, await settings.GetAsync<NetworkSettings>(cancellationToken), now, cancellationToken);
            router.RecordSync(new RouterStatusReport(resource.Version, resource.BoardName, (short)resource.CpuLoadPercent, (long)resource.Uptime.TotalSeconds, sessions.Count),
                watch.Elapsed, now);
            db.RouterHealthSamples.Add(new RouterHealthSample(router.Id, now, (short)Math.Clamp(resource.CpuLoadPercent, 0, 100),
                (long)resource.Uptime.TotalSeconds, sessions.Count, rxBytes, txBytes));
            db.RouterLogs.Add(new RouterLog(router.Id, now, "sync", RouterLogOutcome.Succeeded,
                $"{sessions.Count} sesi, {changes.Count} perubahan, {repaired} secret diperbaiki") { DurationMs = (int)watch.ElapsedMilliseconds });
            await db.SaveChangesAsync(cancellationToken);
            await notices.QueueAsync(db, router, alerts, now, cancellationToken);
            // After the tracked save: the bulk update moves the customers' row versions, which would
            // make a tracked customer (one just activated above) look concurrently edited.
            await connections.WriteAsync(db, writes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            feed.Publish(new NetworkChanges(router.Id, router.Code, router.Health, changes));
            metrics.RouterSynced(router.Code, succeeded: true, watch.Elapsed);
            return new RouterSyncResult(router.Id, router.Code, true, sessions.Count, changes.Count, repaired, watch.Elapsed, null);
        }
        catch (RouterOsException exception)
        {
            var error = RouterAccess.Explain(exception);
            var now = clock.GetUtcNow();
            var wasUp = router.Health != RouterHealth.Down;
            router.RecordFailure(error, now);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var alerts = await NetworkAlertRules.OnSyncFailedAsync(db, router, exception, error, now, CancellationToken.None);
            db.RouterLogs.Add(new RouterLog(router.Id, now, "sync", RouterLogOutcome.Failed, error) { DurationMs = (int)watch.ElapsedMilliseconds });
            await db.SaveChangesAsync(CancellationToken.None);
            await notices.QueueAsync(db, router, alerts, now, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            if (wasUp)
                feed.Publish(new NetworkChanges(router.Id, router.Code, RouterHealth.Down, []));
            metrics.RouterSynced(router.Code, succeeded: false, watch.Elapsed);
            return new RouterSyncResult(router.Id, router.Code, false, 0, 0, 0, watch.Elapsed, error);
        }
    }

    /// <summary>
    /// Reads every subscriber's stored connection without tracking and returns only the customers
    /// whose state, address or session changed, to be written in one set-based step: a quiet network
    /// costs one read, a first sync of thousands of customers two statements.
    /// </summary>
    private static async Task<(List<ConnectionWrite> Writes, List<CustomerConnectionChange> Changes)> ObserveConnectionsAsync(
        IIspDb db, Router router, Dictionary<string, RouterSession> sessions, Dictionary<string, RouterSecret> onRouter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.PppoeSecrets.AsNoTracking()
            .Where(s => s.RouterId == router.Id && !s.IsReplica && s.Status != PppoeSecretStatus.Removed && s.Customer!.Status != CustomerStatus.Terminated)
            .Select(s => new
            {
                s.Username, s.CustomerId, s.Customer!.Code, s.Customer.Status, s.Customer.Latitude, s.Customer.Longitude,
                Connection = new CustomerConnection(s.Customer.ConnectionState, s.Customer.CurrentIp, s.Customer.SessionStartedAt, s.Customer.LastSeenAt, s.Customer.ConnectionChangedAt),
            })
            .ToListAsync(cancellationToken);

        var writes = new List<ConnectionWrite>();
        var changes = new List<CustomerConnectionChange>();
        foreach (var subscriber in stored)
        {
            sessions.TryGetValue(subscriber.Username, out var session);
            var state = session is not null ? ConnectionState.Online
                : onRouter.TryGetValue(subscriber.Username, out var secret) && secret.Disabled == true ? ConnectionState.Disabled
                : ConnectionState.Offline;
            var address = session?.Address is { } text && IPAddress.TryParse(text, out var parsed) ? parsed : null;
            var started = session?.Uptime is { } uptime ? now - uptime : (DateTimeOffset?)null;
            var before = subscriber.Connection;
            if (state == before.State && Equals(address, before.CurrentIp) && !NewSession(before.SessionStartedAt, started))
                continue;
            var after = before.Observe(state, address, started, now, router.LastSyncAt);
            writes.Add(new ConnectionWrite(subscriber.CustomerId, before, after));
            changes.Add(new CustomerConnectionChange(subscriber.CustomerId, subscriber.Code, router.Id, state, after.CurrentIp, now,
                subscriber.Status, subscriber.Latitude, subscriber.Longitude));
        }
        return (writes, changes);
    }

    /// <summary>A session start that moved by more than a minute is a new session (uptime is only to the second).</summary>
    private static bool NewSession(DateTimeOffset? stored, DateTimeOffset? observed) =>
        stored is { } before && observed is { } now ? (now - before).Duration() > TimeSpan.FromMinutes(1) : stored.HasValue != observed.HasValue;

    /// <summary>
    /// Applies what the portal decided but the router does not show yet (the database is the source
    /// of truth), and moves customers waiting for their first secret on to active.
    /// </summary>
    /// <param name="onRouter">The router's secrets as read (maybe only the disabled ones): a pending secret missing here is looked up by name.</param>
    private async Task<int> RepairPendingAsync(
        IIspDb db, IRouterConnection connection, List<PppoeSecret> pending, Dictionary<string, RouterSecret> onRouter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
            return 0;
        var pendingCustomers = pending.Select(s => s.CustomerId).Distinct().ToList();
        var terminated = (await db.Customers.Where(c => pendingCustomers.Contains(c.Id) && c.Status == CustomerStatus.Terminated)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var repaired = new List<PppoeSecret>();
        foreach (var secret in pending)
        {
            try
            {
                await SecretProvisioning.ApplyAsync(connection, secret, onRouter.GetValueOrDefault(secret.Username), secrets, now, cancellationToken,
                    remove: terminated.Contains(secret.CustomerId));
                repaired.Add(secret);
            }
            catch (RouterOsException exception) when (exception.Category is not (RouterOsErrorCategory.Unreachable or RouterOsErrorCategory.Timeout))
            {
                // This secret is refused (e.g. an unknown profile): note why and carry on with the others.
                secret.RecordFailure(RouterAccess.Explain(exception), now);
            }
        }
        await RegistrationProgress.CompleteProvisionedAsync(db, repaired, StatusChangeSource.Sync, now, cancellationToken);
        return repaired.Count;
    }
}
