using System.Globalization;
using System.Threading.RateLimiting;
using IspPortal.Web.Features.Billing.Endpoints;
using IspPortal.Web.Features.Identity.Authentication;
using IspPortal.Web.Features.Notifications.Endpoints;
using IspPortal.Web.Shell;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IspPortal.Web.Host;

/// <summary>
/// Rate limits, applied before authentication (docs: README "Security"). A global limiter counts
/// every request per client address, whatever credential it claims (a limiter before authentication
/// cannot tell a valid key from a forged one, so a forged key must not buy a fresh allowance);
/// endpoint policies add the per-key API limit and the public pages' limit inside it. Static assets,
/// /health and the Blazor circuit are not counted.
/// </summary>
public static class PortalRateLimits
{
    public const string ApiPolicy = "api";
    public const string PayPagePolicy = "pay-page";

    private static readonly string[] _webhookRoutes = [WhatsAppWebhookEndpoints.Route, PaymentNotificationEndpoints.MidtransRoute];

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteTooManyRequestsAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var limits = settings.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => GlobalPartition(context, limits));
            // Without a key the request is counted only per address, by the global limiter above.
            options.AddPolicy(ApiPolicy, context =>
                context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString() is { Length: >= 12 } key
                    ? PerMinute("key:" + key[..12], limits.ApiPerKeyPerMinute)
                    : RateLimitPartition.GetNoLimiter("no-key"));
            options.AddPolicy(PayPagePolicy, context => PerMinute("address:" + ClientAddress.Of(context), limits.PayPagePerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> GlobalPartition(HttpContext context, RateLimitSettings limits)
    {
        if (IsUncounted(context))
            return RateLimitPartition.GetNoLimiter("uncounted");
        var path = context.Request.Path;
        return _webhookRoutes.Any(route => path.Equals(route, StringComparison.OrdinalIgnoreCase))
            ? PerMinute("webhook:" + ClientAddress.Of(context), limits.WebhooksPerMinute)
            : PerMinute("address:" + ClientAddress.Of(context), limits.PerAddressPerMinute);
    }

    // Assets and health probes are cheap and fetched in bursts; the circuit is one long-lived
    // connection per tab whose opening request was a counted page.
    private static bool IsUncounted(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null
        || context.Request.Path.StartsWithSegments("/_blazor")
        || context.Request.Path.StartsWithSegments("/_framework");

    private static RateLimitPartition<string> PerMinute(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Terlalu banyak permintaan",
                Detail = $"Batas permintaan tercapai; coba lagi dalam {seconds} detik.",
            },
        });
    }
}
