using System.Globalization;
using System.Runtime.CompilerServices;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>The typed operations of <see cref="IRouterConnection"/> as RouterOS API sentences (ROUTEROS.md §5).</summary>
public sealed class RouterApi(RouterGateway gateway, RouterEndpoint endpoint) : IRouterConnection
{
    private static readonly string[] SessionProperties = [".id", "name", "service", "caller-id", "address", "uptime", "encoding", "session-id", "radius"];
    private static readonly string[] ProfileProperties = [".id", "name", "local-address", "remote-address", "rate-limit", "address-list"];
    private static readonly string[] AddressListProperties = [".id", "list", "address", "comment", "dynamic", "disabled"];
    private static readonly string[] InterfaceProperties = [".id", "name", "type", "running", "disabled", "dynamic", "rx-byte", "tx-byte"];
    private static readonly string[] ResourceProperties = ["uptime", "version", "cpu-load", "board-name", "free-memory", "total-memory"];

    public RouterEndpoint Endpoint => endpoint;

    public async IAsyncEnumerable<RouterSecret> GetSecretsAsync(RouterSecretQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new RouterSecretQuery();
        var properties = (query.Properties ?? RouterSecret.AllProperties).Union([".id", "name"]);
        var words = new List<string> { "/ppp/secret/print", "=.proplist=" + string.Join(',', properties) };
        if (query.Name is not null)
            words.Add("?=name=" + query.Name);
        if (query.Profile is not null)
            words.Add("?=profile=" + query.Profile);
        if (query.Disabled is { } disabled)
            words.Add("?=disabled=" + (disabled ? "true" : "false"));
        await foreach (var row in StreamAsync(words, cancellationToken))
        {
            yield return new RouterSecret(
                row[".id"] ?? "", row["name"] ?? "", row["password"], row["service"], row["profile"],
                row["disabled"] is { } flag ? IsTrue(flag) : null, row["comment"], row["remote-address"], row["last-logged-out"]);
        }
    }

    public async Task<string> AddSecretAsync(NewRouterSecret secret, CancellationToken cancellationToken = default)
    {
        var words = new List<string>
        {
            "/ppp/secret/add", "=name=" + secret.Name, "=password=" + secret.Password, "=service=" + secret.Service,
            "=profile=" + secret.Profile, "=disabled=" + Bool(secret.Disabled),
        };
        if (secret.Comment is not null)
            words.Add("=comment=" + secret.Comment);
        if (secret.RemoteAddress is not null)
            words.Add("=remote-address=" + secret.RemoteAddress);
        return await AddAsync(words, cancellationToken);
    }

    public async Task UpdateSecretAsync(string id, RouterSecretChanges changes, CancellationToken cancellationToken = default)
    {
        var words = new List<string> { "/ppp/secret/set", "=.id=" + id };
        if (changes.Password is not null)
            words.Add("=password=" + changes.Password);
        if (changes.Profile is not null)
            words.Add("=profile=" + changes.Profile);
        if (changes.Disabled is { } disabled)
            words.Add("=disabled=" + Bool(disabled));
        if (changes.Comment is not null)
            words.Add("=comment=" + changes.Comment);
        if (words.Count > 2)
            await RunAsync(words, cancellationToken);
    }

    public Task RemoveSecretAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(["/ppp/secret/remove", "=.id=" + id], cancellationToken);

    public Task EnableSecretAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(["/ppp/secret/enable", "=.id=" + id], cancellationToken);

    public Task DisableSecretAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(["/ppp/secret/disable", "=.id=" + id], cancellationToken);

    public async IAsyncEnumerable<RouterSession> GetSessionsAsync(
        string? name = null, IReadOnlyList<string>? properties = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var words = new List<string> { "/ppp/active/print", "=.proplist=" + string.Join(',', properties ?? SessionProperties) };
        if (name is not null)
            words.Add("?=name=" + name);
        await foreach (var row in StreamAsync(words, cancellationToken))
        {
            yield return new RouterSession(
                row[".id"] ?? "", row["name"] ?? "", row["service"], row["caller-id"], row["address"],
                RouterOsDuration.TryParse(row["uptime"], out var uptime) ? uptime : null,
                row["encoding"], row["session-id"], IsTrue(row["radius"]));
        }
    }

    public async Task<int> CountSessionsAsync(CancellationToken cancellationToken = default)
    {
        var done = await RunAsync(["/ppp/active/print", "=count-only="], cancellationToken);
        return int.TryParse(done["ret"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
            : throw new RouterOsException(RouterOsErrorCategory.Protocol, $"{Endpoint} answered count-only without a number.");
    }

    public async Task KickSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(["/ppp/active/remove", "=.id=" + id], cancellationToken);
        }
        catch (RouterOsException error) when (error.Category == RouterOsErrorCategory.NotFound)
        {
            // Gone between print and remove: the customer is offline, which is what a kick wants.
        }
    }

    public async Task<int> KickUserAsync(string name, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var row in StreamAsync(["/ppp/active/print", "=.proplist=.id", "?=name=" + name], cancellationToken))
        {
            if (row[".id"] is { } id)
                ids.Add(id);
        }
        foreach (var id in ids)
            await KickSessionAsync(id, cancellationToken);
        return ids.Count;
    }

    public async IAsyncEnumerable<RouterProfile> GetProfilesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in StreamAsync(["/ppp/profile/print", "=.proplist=" + string.Join(',', ProfileProperties)], cancellationToken))
            yield return new RouterProfile(row[".id"] ?? "", row["name"] ?? "", row["local-address"], row["remote-address"], row["rate-limit"], row["address-list"]);
    }

    public Task<string> AddProfileAsync(NewRouterProfile profile, CancellationToken cancellationToken = default)
    {
        var words = new List<string> { "/ppp/profile/add", "=name=" + profile.Name };
        AddIfSet(words, "local-address", profile.LocalAddress);
        AddIfSet(words, "remote-address", profile.RemoteAddress);
        AddIfSet(words, "rate-limit", profile.RateLimit);
        AddIfSet(words, "address-list", profile.AddressList);
        return AddAsync(words, cancellationToken);
    }

    public async IAsyncEnumerable<RouterAddressListEntry> GetAddressListAsync(string list, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var words = new[] { "/ip/firewall/address-list/print", "=.proplist=" + string.Join(',', AddressListProperties), "?=list=" + list };
        await foreach (var row in StreamAsync(words, cancellationToken))
            yield return new RouterAddressListEntry(row[".id"] ?? "", row["list"] ?? "", row["address"] ?? "", row["comment"], IsTrue(row["dynamic"]), IsTrue(row["disabled"]));
    }

    public Task<string> AddAddressListEntryAsync(string list, string address, string? comment = null, CancellationToken cancellationToken = default)
    {
        var words = new List<string> { "/ip/firewall/address-list/add", "=list=" + list, "=address=" + address };
        AddIfSet(words, "comment", comment);
        return AddAsync(words, cancellationToken);
    }

    public Task RemoveAddressListEntryAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(["/ip/firewall/address-list/remove", "=.id=" + id], cancellationToken);

    public async IAsyncEnumerable<RouterInterface> GetInterfacesAsync(string? type = null, bool? dynamic = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var words = new List<string> { "/interface/print", "=.proplist=" + string.Join(',', InterfaceProperties) };
        if (type is not null)
            words.Add("?=type=" + type);
        if (dynamic is { } isDynamic)
            words.Add("?=dynamic=" + (isDynamic ? "true" : "false"));
        await foreach (var row in StreamAsync(words, cancellationToken))
        {
            yield return new RouterInterface(
                row[".id"] ?? "", row["name"] ?? "", row["type"], IsTrue(row["running"]), IsTrue(row["disabled"]), IsTrue(row["dynamic"]),
                Long(row["rx-byte"]), Long(row["tx-byte"]));
        }
    }

    public async Task<RouterResource> GetResourceAsync(CancellationToken cancellationToken = default)
    {
        var row = await SingleAsync(["/system/resource/print", "=.proplist=" + string.Join(',', ResourceProperties)], cancellationToken);
        return new RouterResource(
            RouterOsDuration.TryParse(row["uptime"], out var uptime) ? uptime : TimeSpan.Zero,
            row["version"] ?? "",
            (int)Long(row["cpu-load"]),
            row["board-name"],
            Long(row["free-memory"]),
            Long(row["total-memory"]));
    }

    public async Task<string> GetIdentityAsync(CancellationToken cancellationToken = default) =>
        (await SingleAsync(["/system/identity/print"], cancellationToken))["name"] ?? "";

    private async IAsyncEnumerable<ApiSentence> StreamAsync(IReadOnlyList<string> words, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await gateway.AcquireAsync(endpoint, cancellationToken);
        await foreach (var row in connection.StreamAsync(words, cancellationToken))
            yield return row;
    }

    private async Task<ApiSentence> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var connection = await gateway.AcquireAsync(endpoint, cancellationToken);
        return await connection.RunAsync(words, cancellationToken);
    }

    private async Task<string> AddAsync(List<string> words, CancellationToken cancellationToken) =>
        (await RunAsync(words, cancellationToken))["ret"]
        ?? throw new RouterOsException(RouterOsErrorCategory.Protocol, $"{Endpoint} answered {words[0]} without the new item's id.");

    private async Task<ApiSentence> SingleAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        ApiSentence? first = null;
        await foreach (var row in StreamAsync(words, cancellationToken))
            first ??= row;
        return first ?? throw new RouterOsException(RouterOsErrorCategory.Protocol, $"{Endpoint} returned no row for {words[0]}.");
    }

    private static void AddIfSet(List<string> words, string name, string? value)
    {
        if (value is not null)
            words.Add("=" + name + "=" + value);
    }

    private static string Bool(bool value) => value ? "yes" : "no";

    private static bool IsTrue(string? value) => value is "true" or "yes";

    private static long Long(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
