using IspPortal.Core.Common;

namespace IspPortal.Core.Network.RouterOs;

/// <summary>
/// Talks to MikroTik routers over the RouterOS API. Connections are pooled per router, so opening
/// is cheap after the first time; the connection object holds no socket of its own.
/// </summary>
[FeatureApi]
public interface IRouterGateway
{
    /// <summary>Logs in (or reuses a logged-in pooled connection) and returns the router's operations.</summary>
    /// <exception cref="RouterOsException">Unreachable, Timeout or WrongCredentials.</exception>
    Task<IRouterConnection> OpenAsync(RouterEndpoint endpoint, CancellationToken cancellationToken = default);
}

/// <summary>
/// Where and how to reach a router's API. The password is plain: decrypting it is the caller's job.
/// </summary>
/// <param name="TlsFingerprint">SHA-256 of the router's certificate (hex, colons optional). With TLS and
/// a fingerprint, only that certificate is accepted; with TLS and none, the system's trust decides.</param>
[FeatureApi]
public sealed record RouterEndpoint(string Host, int Port, bool UseTls, string? TlsFingerprint, string User, string Password)
{
    public override string ToString() => $"{User}@{Host}:{Port}{(UseTls ? " (TLS)" : "")}";
}

/// <summary>The operations the portal needs on one router. Every call may throw <see cref="RouterOsException"/>.</summary>
[FeatureApi]
public interface IRouterConnection
{
    RouterEndpoint Endpoint { get; }

    IAsyncEnumerable<RouterSecret> GetSecretsAsync(RouterSecretQuery? query = null, CancellationToken cancellationToken = default);

    /// <returns>The new secret's <c>.id</c>.</returns>
    Task<string> AddSecretAsync(NewRouterSecret secret, CancellationToken cancellationToken = default);

    Task UpdateSecretAsync(string id, RouterSecretChanges changes, CancellationToken cancellationToken = default);

    Task RemoveSecretAsync(string id, CancellationToken cancellationToken = default);

    Task EnableSecretAsync(string id, CancellationToken cancellationToken = default);

    Task DisableSecretAsync(string id, CancellationToken cancellationToken = default);

    /// <param name="name">One PPPoE username's sessions; null for every session.</param>
    /// <param name="properties">The properties to read (<c>.proplist</c>): fewer is faster on a busy
    /// router; the others stay empty. Null reads everything <see cref="RouterSession"/> holds.</param>
    IAsyncEnumerable<RouterSession> GetSessionsAsync(string? name = null, IReadOnlyList<string>? properties = null, CancellationToken cancellationToken = default);

    /// <summary>Active sessions counted by the router (<c>count-only</c>), without reading them.</summary>
    Task<int> CountSessionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Disconnects one session; a session already gone counts as kicked.</summary>
    Task KickSessionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Disconnects every session of a PPPoE user.</summary>
    /// <returns>How many sessions were kicked.</returns>
    Task<int> KickUserAsync(string name, CancellationToken cancellationToken = default);

    IAsyncEnumerable<RouterProfile> GetProfilesAsync(CancellationToken cancellationToken = default);

    Task<string> AddProfileAsync(NewRouterProfile profile, CancellationToken cancellationToken = default);

    IAsyncEnumerable<RouterAddressListEntry> GetAddressListAsync(string list, CancellationToken cancellationToken = default);

    Task<string> AddAddressListEntryAsync(string list, string address, string? comment = null, CancellationToken cancellationToken = default);

    Task RemoveAddressListEntryAsync(string id, CancellationToken cancellationToken = default);

    /// <param name="type">e.g. <c>pppoe-in</c> for the per-customer interfaces; null for all.</param>
    /// <param name="dynamic">false for the configured links only (no per-session interfaces); null for both.</param>
    IAsyncEnumerable<RouterInterface> GetInterfacesAsync(string? type = null, bool? dynamic = null, CancellationToken cancellationToken = default);

    Task<RouterResource> GetResourceAsync(CancellationToken cancellationToken = default);

    Task<string> GetIdentityAsync(CancellationToken cancellationToken = default);
}
