using System.Security.Cryptography;

namespace IspPortal.Web.Host;

/// <summary>
/// Headers on every response (pages, API, errors, static files), set as the response starts so an
/// exception handler clearing the response cannot drop them. Scripts run only from the portal's own
/// files or with this request's nonce (the import map Blazor writes inline); styles may be inline
/// because MudBlazor sets positions and colours in style attributes; images may come from any https
/// host because the map's tile server is a setting (Pengaturan → Jaringan).
/// </summary>
public static class SecurityHeaders
{
    public const string ApiDocsPath = "/api/docs";
    private static readonly object _nonceKey = new();

    private const string Common =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Scalar's reference page starts itself with an inline script and may fetch its fonts: only there.
    private const string ApiDocs =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "font-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>This request's script nonce, for the few inline scripts the framework writes.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[_nonceKey] is not string nonce)
            // Hex: no character the HTML encoder would escape in the attribute.
            context.Items[_nonceKey] = nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = IsApiDocsPage(path) ? ApiDocs : $"script-src 'self' 'nonce-{context.CspNonce()}'; {Common}";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Pay and ticket links carry their token in the path: no page they lead to learns it.
            headers["Referrer-Policy"] = path.StartsWithSegments("/bayar") || path.StartsWithSegments("/tiket")
                ? "no-referrer"
                : "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()";
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsApiDocsPage(PathString path) =>
        path.StartsWithSegments(ApiDocsPath) && !path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
