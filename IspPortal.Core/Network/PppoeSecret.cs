using IspPortal.Core.Common;
using IspPortal.Core.Customers;

namespace IspPortal.Core.Network;

/// <summary>
/// A customer's PPPoE secret on one router (table <c>pppoe_secrets</c>). The database is the
/// source of truth; the sync compares the router against it. A pool that replicates secrets has
/// one row per backup router too.
/// </summary>
public class PppoeSecret
{
    /// <summary><c>{ROUTERCODE}{3 digits}</c>; RouterOS allows longer names for adopted secrets.</summary>
    public const int UsernameMaxLength = 64;
    public const int ProfileMaxLength = 64;
    public const int CommentMaxLength = 255;
    /// <summary>RouterOS <c>.id</c>, e.g. <c>*1A</c>.</summary>
    public const int RouterItemIdMaxLength = 32;
    public const int ErrorMaxLength = 2000;
    public const int PasswordLength = 8;

    private PppoeSecret() { }

    public PppoeSecret(int routerId, int customerId, string username, string passwordEncrypted, string profile, bool isReplica, DateTimeOffset createdAt)
    {
        RouterId = routerId;
        CustomerId = customerId;
        Username = username;
        PasswordEncrypted = passwordEncrypted;
        Profile = profile;
        IsReplica = isReplica;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int RouterId { get; private set; }

    public int CustomerId { get; private set; }

    public string Username { get; private set; } = "";

    /// <summary>Protected with <see cref="SecretKind.PppoePassword"/>.</summary>
    [Sensitive]
    public string PasswordEncrypted { get; private set; } = "";

    /// <summary>The PPP profile the secret should have now (package or isolation profile).</summary>
    public string Profile { get; private set; } = "";

    /// <summary>Disabled on the router (isolation method <see cref="IsolationMethod.DisableSecret"/>).</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>Static address given to the customer, when the ISP uses one.</summary>
    public System.Net.IPAddress? RemoteAddress { get; set; }

    public string? Comment { get; set; }

    public PppoeSecretStatus Status { get; private set; } = PppoeSecretStatus.Pending;

    /// <summary>A copy on a pool's backup router, for failover.</summary>
    public bool IsReplica { get; private set; }

    [NotAudited]
    public string? RouterItemId { get; private set; }

    [NotAudited]
    public int ProvisioningAttempts { get; private set; }

    [NotAudited]
    public string? LastError { get; private set; }

    public DateTimeOffset? ProvisionedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Router? Router { get; private set; }

    public Customer? Customer { get; private set; }

    /// <summary>The router has the secret as the database says (also when a retry adopted it).</summary>
    public void MarkProvisioned(string? routerItemId, DateTimeOffset at)
    {
        EnsureNotRemoved();
        Status = IsDisabled ? PppoeSecretStatus.Disabled : PppoeSecretStatus.Provisioned;
        RouterItemId = routerItemId;
        ProvisioningAttempts++;
        LastError = null;
        ProvisionedAt ??= at;
        UpdatedAt = at;
    }

    public void RecordFailure(string error, DateTimeOffset at)
    {
        ProvisioningAttempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Status == PppoeSecretStatus.Pending)
        {
            Status = PppoeSecretStatus.Failed;
        }
        UpdatedAt = at;
    }

    /// <summary>Records a desired change; the router must be updated to match (status back to pending).</summary>
    public void Change(string? passwordEncrypted, string? profile, bool? disabled, DateTimeOffset at)
    {
        EnsureNotRemoved();
        PasswordEncrypted = passwordEncrypted ?? PasswordEncrypted;
        Profile = profile ?? Profile;
        IsDisabled = disabled ?? IsDisabled;
        Status = PppoeSecretStatus.Pending;
        UpdatedAt = at;
    }

    public void MarkRemoved(DateTimeOffset at)
    {
        Status = PppoeSecretStatus.Removed;
        RouterItemId = null;
        UpdatedAt = at;
    }

    private void EnsureNotRemoved()
    {
        if (Status == PppoeSecretStatus.Removed)
        {
            throw new InvalidOperationException($"Secret {Username} was removed from the router.");
        }
    }
}

public enum PppoeSecretStatus
{
    /// <summary>The router does not match the database yet (new or changed).</summary>
    Pending,
    Provisioned,
    Disabled,
    /// <summary>The last attempt failed before the secret ever reached the router; retried.</summary>
    Failed,
    /// <summary>Removed from the router (customer terminated); kept so the name is never reused.</summary>
    Removed,
}
