using System.Net;
using System.Security.Cryptography;
using System.Text;
using IspPortal.Core.Common;

namespace IspPortal.Web.Host;

/// <summary>
/// <c>GET /metrics</c> is served to loopback (a scraper on the same machine) and to
/// <c>Authorization: Bearer {Metrics__Token}</c>; to anyone else the path does not exist (the
/// answer is a bare 404), so it is not advertised. Runs after the forwarded headers, so a client
/// behind the reverse proxy is not loopback, and before the rate limits, which do not count scrapes.
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
        // Created now, so its instruments exist before the first event or scrape.
        app.Services.GetRequiredService<PortalMetrics>();
        app.UseWhen(context => IsMetricsRequest(context) && !Allows(context, token), refused => refused.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(IsMetricsRequest);
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
