using IspPortal.Core.Common;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Core.Network;

/// <summary>
/// Puts one PPPoE secret onto its router exactly as the database says. A secret already there (a
/// retry after a lost reply, or the sync and a registration racing) is adopted and set, never
/// added twice.
/// </summary>
public static class SecretProvisioning
{
    public static readonly IReadOnlyList<string> ComparedProperties = [".id", "name", "profile", "disabled"];

    /// <param name="present">The router's secret of that name when the caller has read it already; null to look it up.</param>
    /// <param name="remove">The customer is terminated: the secret goes from the router (and its session with it).</param>
    public static async Task ApplyAsync(
        IRouterConnection connection, PppoeSecret secret, RouterSecret? present, ISecretProtector secrets, DateTimeOffset at, CancellationToken cancellationToken, bool remove = false)
    {
        present ??= await FindAsync(connection, secret.Username, cancellationToken);
        if (remove)
        {
            if (present is not null)
            {
                await connection.RemoveSecretAsync(present.Id, cancellationToken);
                await connection.KickUserAsync(secret.Username, cancellationToken);
            }
            secret.MarkRemoved(at);
            return;
        }
        var password = secrets.Unprotect(SecretKind.PppoePassword, secret.PasswordEncrypted);
        if (present is null)
        {
            try
            {
                var id = await connection.AddSecretAsync(new NewRouterSecret(secret.Username, password, secret.Profile, secret.Comment, secret.IsDisabled), cancellationToken);
                secret.MarkProvisioned(id, at);
                return;
            }
            catch (RouterOsException exception) when (exception.Category == RouterOsErrorCategory.AlreadyExists)
            {
                // Someone added it between our look and our add; adopt theirs below.
            }
            present = await FindAsync(connection, secret.Username, cancellationToken)
                ?? throw new RouterOsException(RouterOsErrorCategory.Other, $"Secret {secret.Username} was reported as existing but cannot be found.");
        }

        // The password is not read back from the router, so it is always set; setting it is idempotent.
        await connection.UpdateSecretAsync(present.Id, new RouterSecretChanges(Password: password, Profile: secret.Profile, Disabled: secret.IsDisabled), cancellationToken);
        if (present.Profile != secret.Profile || (present.Disabled ?? false) != secret.IsDisabled)
        {
            // A live session keeps the profile it dialled with until it redials.
            await connection.KickUserAsync(secret.Username, cancellationToken);
        }
        secret.MarkProvisioned(present.Id, at);
    }

    /// <summary>The router's secret of that name (id, profile, disabled), or null.</summary>
    public static async Task<RouterSecret?> FindAsync(IRouterConnection connection, string username, CancellationToken cancellationToken)
    {
        await foreach (var found in connection.GetSecretsAsync(new RouterSecretQuery(Name: username, Properties: ComparedProperties), cancellationToken))
            return found;
        return null;
    }
}
