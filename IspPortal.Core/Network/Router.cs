using IspPortal.Core.Common;
using IspPortal.Core.Customers;

namespace IspPortal.Core.Network;

/// <summary>A MikroTik router that terminates customers' PPPoE sessions (table <c>routers</c>).</summary>
public class Router
{
    /// <summary>2–8 upper-case letters, e.g. <c>CKP</c>, <c>MLGT</c>; PPPoE user names start with it.</summary>
    public const int CodeMaxLength = 8;
    public const int NameMaxLength = 100;
    public const int LocationMaxLength = 200;
    /// <summary>A DNS name (253) or an IP address.</summary>
    public const int HostMaxLength = 253;
    /// <summary>SHA-256 of the certificate as hex, with or without colons.</summary>
    public const int TlsFingerprintMaxLength = 95;
    public const int ApiUserMaxLength = 64;
    public const int ProfileMaxLength = 64;
    public const int InterfaceMaxLength = 64;
    public const int VersionMaxLength = 64;
    public const int ErrorMaxLength = 2000;
    public const int MinUplinkCapacityMbps = 1;
    public const int MaxUplinkCapacityMbps = 400_000;

    /// <summary>Router codes are stored upper-case without spaces, so <c>ckp</c> and <c> CKP </c> name the same router.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();
    public const int DefaultApiPort = 8728;
    public const int DefaultApiTlsPort = 8729;
    public const string DefaultIsolationAddressList = "isolir";

    private Router() { }

    public Router(string code, string name, int locationCodeId, string host, int apiPort, string apiUser, string passwordEncrypted, DateTimeOffset createdAt)
    {
        Code = code;
        Name = name;
        LocationCodeId = locationCodeId;
        Host = host;
        ApiPort = apiPort;
        ApiUser = apiUser;
        PasswordEncrypted = passwordEncrypted;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int LocationCodeId { get; set; }

    /// <summary>Where the router stands (site name, address) in the operator's words.</summary>
    public string? Location { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string Host { get; set; } = "";

    public int ApiPort { get; set; } = DefaultApiPort;

    public bool UseTls { get; set; }

    /// <summary>When set, the TLS certificate must have this SHA-256 fingerprint.</summary>
    public string? TlsFingerprint { get; set; }

    public string ApiUser { get; set; } = "";

    /// <summary>The API password, protected with <see cref="SecretKind.RouterPassword"/>.</summary>
    [Sensitive]
    public string PasswordEncrypted { get; set; } = "";

    public IsolationMethod IsolationMethod { get; set; } = IsolationMethod.Profile;

    /// <summary>PPP profile for isolated customers (method <see cref="IsolationMethod.Profile"/>).</summary>
    public string? IsolationProfile { get; set; }

    /// <summary>Address list for isolated customers (method <see cref="IsolationMethod.AddressList"/>).</summary>
    public string IsolationAddressList { get; set; } = DefaultIsolationAddressList;

    /// <summary>
    /// The interface whose counters are the router's traffic (e.g. <c>ether1</c> or <c>sfp-sfpplus1</c>);
    /// null: the sum of all configured (non-dynamic) interfaces, which counts traffic that crosses
    /// two of them twice.
    /// </summary>
    public string? UplinkInterface { get; set; }

    /// <summary>
    /// The uplink's capacity in Mbit/s (<see cref="MinUplinkCapacityMbps"/>–<see cref="MaxUplinkCapacityMbps"/>): what the bandwidth
    /// report divides the traffic by; null: not set, the report shows bits per second only.
    /// </summary>
    public int? UplinkCapacityMbps { get; set; }

    public string? Notes { get; set; }

    /// <summary>Inactive routers are not synced and get no new customers (<see cref="SetActive"/>).</summary>
    public bool IsActive { get; private set; } = true;

    [NotAudited]
    public RouterHealth Health { get; private set; } = RouterHealth.Unknown;

    [NotAudited]
    public DateTimeOffset? LastContactAt { get; private set; }

    [NotAudited]
    public DateTimeOffset? LastSyncAt { get; private set; }

    [NotAudited]
    public int? LastSyncDurationMs { get; private set; }

    [NotAudited]
    public string? LastError { get; private set; }

    [NotAudited]
    public int ConsecutiveFailures { get; private set; }

    [NotAudited]
    public string? RouterOsVersion { get; private set; }

    [NotAudited]
    public string? BoardName { get; private set; }

    [NotAudited]
    public short? CpuLoadPercent { get; private set; }

    [NotAudited]
    public long? UptimeSeconds { get; private set; }

    [NotAudited]
    public int? ActiveSessions { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public LocationCode? LocationCode { get; private set; }

    public List<RouterPoolMember> PoolMemberships { get; private set; } = [];

    /// <summary>Takes the router out of service (no sync, no new customers) or back into it.</summary>
    public void SetActive(bool isActive) => IsActive = isActive;

    /// <summary>Staff saved the router's connection or isolation settings at <paramref name="at"/>.</summary>
    public void MarkEdited(DateTimeOffset at) => UpdatedAt = at;

    public void RecordSync(RouterStatusReport report, TimeSpan duration, DateTimeOffset at)
    {
        Health = RouterHealth.Up;
        LastContactAt = at;
        LastSyncAt = at;
        LastSyncDurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds);
        LastError = null;
        ConsecutiveFailures = 0;
        RouterOsVersion = report.Version;
        BoardName = report.BoardName;
        CpuLoadPercent = report.CpuLoadPercent;
        UptimeSeconds = report.UptimeSeconds;
        ActiveSessions = report.ActiveSessions;
    }

    public void RecordFailure(string error, DateTimeOffset at)
    {
        Health = RouterHealth.Down;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        ConsecutiveFailures++;
        LastSyncAt = at;
    }
}

/// <summary>What a successful contact with the router reported.</summary>
public sealed record RouterStatusReport(string? Version, string? BoardName, short? CpuLoadPercent, long? UptimeSeconds, int? ActiveSessions);

/// <summary>How a customer is cut off for arrears on this router (ROUTEROS.md §6).</summary>
public enum IsolationMethod
{
    /// <summary>Move the secret to the isolation profile, then kick the session.</summary>
    Profile,
    /// <summary>Disable the secret, then kick the session.</summary>
    DisableSecret,
    /// <summary>Put the customer's address on the isolation address list (firewall redirect).</summary>
    AddressList,
}

public enum RouterHealth
{
    Unknown,
    Up,
    Down,
}
