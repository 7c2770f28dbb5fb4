using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace IspPortal.Web.Host;

/// <summary>
/// <c>GET /metrics</c> is served to loopback (a scraper on the same machine) and to
/// <c>Authorization: Bearer {Metrics__Token}</c>; to anyone else the path does not exist (the
/// portal's ordinary 404), so it is not advertised. Runs after the forwarded headers, so a client
/// behind the reverse proxy is not loopback. Scrapes are not rate-limited; refused requests fall
/// through and are counted like any other page.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";
    public const string TokenKey = "Metrics:Token";

    private sealed record Token(byte[]? Hash);

    public static IServiceCollection AddMetricsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var token = configuration[TokenKey];
        if (token is { Length: > 0 and < 16 })
            throw new InvalidOperationException("Metrics__Token must be at least 16 characters (e.g. openssl rand -hex 24).");
        services.AddSingleton(new Token(string.IsNullOrEmpty(token) ? null : Hash(token)));
        return services;
    }

    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        var token = app.Services.GetRequiredService<Token>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsMetricsRequest(context) && Allows(context, token));
        return app;
    }

    /// <summary>Scrapes and probes: not worth a trace each.</summary>
    public static bool IsUninteresting(HttpContext context) =>
        IsMetricsRequest(context) || context.Request.Path.StartsWithSegments("/health");

    private static bool IsMetricsRequest(HttpContext context) =>
        context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsGet(context.Request.Method);

    private static bool Allows(HttpContext context, Token token)
    {
        if (context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))
            return true;
        if (token.Hash is null)
            return false;
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        // Hashes have one length, so the comparison takes the same time whatever was sent.
        return CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), token.Hash);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
