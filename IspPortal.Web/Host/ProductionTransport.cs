using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace IspPortal.Web.Host;

/// <summary>
/// In Production the portal is reached over HTTPS (TLS ends at the proxy, which says so in
/// X-Forwarded-Proto): plain HTTP is redirected and every cookie (sign-in, antiforgery, culture) is
/// Secure. Development and the tests run over plain HTTP on loopback and keep neither.
/// </summary>
public static class ProductionTransport
{
    public const string HttpsPortKey = "HTTPS_PORT";

    public static IServiceCollection AddProductionTransport(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsProduction())
            return services;
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.ApplicationScheme, options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        // The portal itself listens on HTTP only, so the HTTPS port cannot be discovered: name it.
        services.AddHttpsRedirection(options => options.HttpsPort = configuration.GetValue<int?>(HttpsPortKey) ?? 443);
        return services;
    }

    public static WebApplication UseProductionTransport(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
            return app;
        // The container's health probe asks over plain HTTP on loopback and must reach the check itself.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        app.UseCookiePolicy();
        return app;
    }
}
