using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Sync;

public enum DriftKind
{
    /// <summary>The portal has the secret; the router does not.</summary>
    MissingOnRouter,
    /// <summary>The router has a secret the portal does not know.</summary>
    UnknownToPortal,
    /// <summary>Both have it, but password, profile or disabled differ.</summary>
    Mismatched,
}

/// <param name="Differences">For <see cref="DriftKind.Mismatched"/>: which fields differ (never the passwords themselves).</param>
public sealed record DriftItem(DriftKind Kind, string Username, string? CustomerCode, IReadOnlyList<string> Differences);

public sealed record DriftReport(int RouterId, string RouterCode, IReadOnlyList<DriftItem> Items)
{
    public bool InSync => Items.Count == 0;
}

/// <summary>
/// Compares a router's PPPoE secrets with the portal's and repairs the differences, the portal
/// being the source of truth: missing secrets are added, mismatched ones corrected (and their
/// sessions kicked so the fix bites), unknown ones removed.
/// </summary>
public sealed class RouterDrift(IIspDbFactory dbs, ISecretProtector secrets, IRouterGateway gateway, TimeProvider clock)
{
    public async Task<Outcome<DriftReport>> ReportAsync(int routerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var router = await db.Routers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routerId, cancellationToken);
        if (router is null)
            return Outcome.Refused<DriftReport>("", "Router tidak ditemukan; mungkin sudah dihapus.");
        try
        {
            var connection = await gateway.OpenAsync(RouterAccess.Endpoint(router, secrets), cancellationToken);
            return Outcome.Done((await CompareAsync(db, connection, router, cancellationToken)).Report);
        }
        catch (RouterOsException exception)
        {
            return Outcome.Refused<DriftReport>("", RouterAccess.Explain(exception));
        }
    }

    /// <summary>Repairs the given usernames (all drift when null) and reports what is left.</summary>
    public async Task<Outcome<DriftReport>> RepairAsync(int routerId, IReadOnlyCollection<string>? usernames = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var router = await db.Routers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routerId, cancellationToken);
        if (router is null)
            return Outcome.Refused<DriftReport>("", "Router tidak ditemukan; mungkin sudah dihapus.");
        try
        {
            var connection = await gateway.OpenAsync(RouterAccess.Endpoint(router, secrets), cancellationToken);
            var (report, stored, onRouter) = await CompareAsync(db, connection, router, cancellationToken);
            var wanted = usernames is null ? null : new HashSet<string>(usernames, StringComparer.Ordinal);
            var now = clock.GetUtcNow();
            var repaired = 0;
            foreach (var item in report.Items.Where(i => wanted is null || wanted.Contains(i.Username)))
            {
                switch (item.Kind)
                {
                    case DriftKind.MissingOnRouter:
                        var missing = stored[item.Username];
                        await connection.AddSecretAsync(new NewRouterSecret(missing.Username, secrets.Unprotect(SecretKind.PppoePassword, missing.PasswordEncrypted),
                            missing.Profile, missing.Comment, missing.IsDisabled), cancellationToken);
                        break;
                    case DriftKind.Mismatched:
                        var expected = stored[item.Username];
                        await connection.UpdateSecretAsync(onRouter[item.Username].Id, new RouterSecretChanges(
                            secrets.Unprotect(SecretKind.PppoePassword, expected.PasswordEncrypted), expected.Profile, expected.IsDisabled), cancellationToken);
                        await connection.KickUserAsync(item.Username, cancellationToken);
                        break;
                    case DriftKind.UnknownToPortal:
                        await connection.RemoveSecretAsync(onRouter[item.Username].Id, cancellationToken);
                        await connection.KickUserAsync(item.Username, cancellationToken);
                        break;
                }
                repaired++;
            }
            db.RouterLogs.Add(new RouterLog(router.Id, now, "drift.repair", RouterLogOutcome.Succeeded, $"{repaired} secret diperbaiki"));
            await db.SaveChangesAsync(cancellationToken);
            // Read again: what is left is what the router shows now, not what we meant to do.
            return Outcome.Done((await CompareAsync(db, connection, router, cancellationToken)).Report);
        }
        catch (RouterOsException exception)
        {
            return Outcome.Refused<DriftReport>("", RouterAccess.Explain(exception));
        }
    }

    private sealed record Comparison(DriftReport Report, Dictionary<string, PppoeSecret> Stored, Dictionary<string, RouterSecret> OnRouter);

    private async Task<Comparison> CompareAsync(IIspDb db, IRouterConnection connection, Router router, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(db, router.Id, cancellationToken);
        var onRouter = await OnRouterAsync(connection, cancellationToken);
        var codes = await db.PppoeSecrets.AsNoTracking().Where(s => s.RouterId == router.Id)
            .Select(s => new { s.Username, s.Customer!.Code }).ToDictionaryAsync(s => s.Username, s => s.Code, cancellationToken);

        var items = new List<DriftItem>();
        foreach (var (username, secret) in stored)
        {
            if (!onRouter.TryGetValue(username, out var present))
            {
                items.Add(new DriftItem(DriftKind.MissingOnRouter, username, codes.GetValueOrDefault(username), []));
                continue;
            }
            var differences = new List<string>();
            if (present.Profile != secret.Profile)
                differences.Add($"profil: router {present.Profile}, portal {secret.Profile}");
            if ((present.Disabled ?? false) != secret.IsDisabled)
                differences.Add(secret.IsDisabled ? "router: aktif, portal: nonaktif" : "router: nonaktif, portal: aktif");
            if (present.Password != secrets.Unprotect(SecretKind.PppoePassword, secret.PasswordEncrypted))
                differences.Add("kata sandi berbeda");
            if (differences.Count > 0)
                items.Add(new DriftItem(DriftKind.Mismatched, username, codes.GetValueOrDefault(username), differences));
        }
        items.AddRange(onRouter.Keys.Where(name => !stored.ContainsKey(name)).Order(StringComparer.Ordinal)
            .Select(name => new DriftItem(DriftKind.UnknownToPortal, name, null, [])));
        return new Comparison(new DriftReport(router.Id, router.Code, items), stored, onRouter);
    }

    /// <summary>The secrets the portal says belong on this router: provisioned ones (pending ones are the sync's job).</summary>
    private static Task<Dictionary<string, PppoeSecret>> StoredAsync(IIspDb db, int routerId, CancellationToken cancellationToken) =>
        db.PppoeSecrets.AsNoTracking()
            .Where(s => s.RouterId == routerId && (s.Status == PppoeSecretStatus.Provisioned || s.Status == PppoeSecretStatus.Disabled)
                && s.Customer!.Status != CustomerStatus.Terminated)
            .ToDictionaryAsync(s => s.Username, StringComparer.Ordinal, cancellationToken);

    private static async Task<Dictionary<string, RouterSecret>> OnRouterAsync(IRouterConnection connection, CancellationToken cancellationToken)
    {
        var secrets = new Dictionary<string, RouterSecret>(StringComparer.Ordinal);
        await foreach (var secret in connection.GetSecretsAsync(new RouterSecretQuery(Properties: [".id", "name", "password", "profile", "disabled"]), cancellationToken))
            secrets.TryAdd(secret.Name, secret);
        return secrets;
    }
}
