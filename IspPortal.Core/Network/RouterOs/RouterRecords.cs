namespace IspPortal.Core.Network.RouterOs;

/// <summary>A <c>/ppp/secret</c> row. Properties left out of the query's property list are null.</summary>
public sealed record RouterSecret(
    string Id,
    string Name,
    string? Password,
    string? Service,
    string? Profile,
    bool? Disabled,
    string? Comment,
    string? RemoteAddress,
    string? LastLoggedOut)
{
    /// <summary>RouterOS property names, for <see cref="RouterSecretQuery.Properties"/>.</summary>
    public static readonly IReadOnlyList<string> AllProperties =
        [".id", "name", "password", "service", "profile", "disabled", "comment", "remote-address", "last-logged-out"];

    public override string ToString() => $"RouterSecret {{ Id = {Id}, Name = {Name}, Profile = {Profile}, Disabled = {Disabled} }}";
}

/// <summary>Filters for <c>/ppp/secret/print</c>; all given filters must match.</summary>
/// <param name="Properties">RouterOS property names to return (<c>.id</c> and <c>name</c> always come); null for all of <see cref="RouterSecret.AllProperties"/>.</param>
public sealed record RouterSecretQuery(string? Name = null, string? Profile = null, bool? Disabled = null, IReadOnlyList<string>? Properties = null);

public sealed record NewRouterSecret(string Name, string Password, string Profile, string? Comment = null, bool Disabled = false, string? RemoteAddress = null)
{
    public string Service { get; init; } = "pppoe";

    public override string ToString() => $"NewRouterSecret {{ Name = {Name}, Profile = {Profile}, Disabled = {Disabled} }}";
}

/// <summary>What to change on a secret; null leaves a property as it is.</summary>
public sealed record RouterSecretChanges(string? Password = null, string? Profile = null, bool? Disabled = null, string? Comment = null)
{
    public override string ToString() => $"RouterSecretChanges {{ Password = {(Password is null ? "unchanged" : "***")}, Profile = {Profile}, Disabled = {Disabled}, Comment = {Comment} }}";
}

/// <summary>A connected PPP session (<c>/ppp/active</c>).</summary>
public sealed record RouterSession(
    string Id,
    string Name,
    string? Service,
    string? CallerId,
    string? Address,
    TimeSpan? Uptime,
    string? Encoding,
    string? SessionId,
    bool Radius);

public sealed record RouterProfile(string Id, string Name, string? LocalAddress, string? RemoteAddress, string? RateLimit, string? AddressList);

public sealed record NewRouterProfile(string Name, string? LocalAddress = null, string? RemoteAddress = null, string? RateLimit = null, string? AddressList = null);

public sealed record RouterAddressListEntry(string Id, string List, string Address, string? Comment, bool Dynamic, bool Disabled);

/// <summary>An interface with its byte counters: for <c>pppoe-in</c>, rx is the customer's upload and tx their download.</summary>
public sealed record RouterInterface(string Id, string Name, string? Type, bool Running, bool Disabled, bool Dynamic, long RxBytes, long TxBytes);

public sealed record RouterResource(TimeSpan Uptime, string Version, int CpuLoadPercent, string? BoardName, long FreeMemory, long TotalMemory);
