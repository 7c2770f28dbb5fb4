using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IspPortal.Web.Host;

/// <summary>
/// X-Forwarded-For/-Proto are honoured only from the reverse proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR),
/// each comma-separated or indexed (neither set: loopback only); from anyone else they are ignored, so a client
/// cannot choose the address the rate limits count it under.
/// </summary>
public static class TrustedProxies
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";
    public const string ForwardLimitKey = "ForwardedHeaders:ForwardLimit";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Entries(configuration, KnownProxiesKey)
            .Select(entry => IPAddress.TryParse(entry, out var proxy) ? proxy : throw Invalid(KnownProxiesKey, entry, "IP address"))
            .ToList();
        var networks = Entries(configuration, KnownNetworksKey)
            .Select(entry => System.Net.IPNetwork.TryParse(entry, out var network) ? network : throw Invalid(KnownNetworksKey, entry, "network (CIDR, e.g. 10.0.0.0/8)"))
            .ToList();
        // Unconfigured: a proxy on the same machine (ASP.NET Core's own default).
        if (proxies.Count == 0 && networks.Count == 0)
            proxies.AddRange([IPAddress.Loopback, IPAddress.IPv6Loopback]);
        var forwardLimit = configuration.GetValue<int?>(ForwardLimitKey) ?? 1;
        if (forwardLimit < 1)
            throw new InvalidOperationException("ForwardedHeaders__ForwardLimit must be at least 1 (the number of proxies in front of the portal).");

        // Configured after ASP.NET Core's own setup, so ASPNETCORE_FORWARDEDHEADERS_ENABLED (which
        // trusts everyone) cannot widen the list.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
        return services;
    }

    private static InvalidOperationException Invalid(string key, string entry, string what) =>
        new($"{key.Replace(":", "__", StringComparison.Ordinal)}: '{entry}' is not a valid {what}.");

    // "a, b" in one value or ForwardedHeaders__KnownProxies__0, __1, ...
    private static IEnumerable<string> Entries(IConfiguration configuration, string key) =>
        new[] { configuration[key] }
            .Concat(configuration.GetSection(key).GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
