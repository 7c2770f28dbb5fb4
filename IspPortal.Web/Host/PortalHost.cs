using IspPortal.Core;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.Demo;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Infrastructure.Security;
using IspPortal.Web.Features.Billing.Endpoints;
using IspPortal.Web.Features.Identity.Authentication;
using IspPortal.Web.Features.Notifications.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace IspPortal.Web.Host;

public static class PortalHost
{
    /// <param name="command">The verb being run (<see cref="PortalCommands"/>), or null to serve.</param>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder, string? command = null)
    {
        // Before the private demo database could start: only migrating needs none of these settings.
        if (builder.Environment.IsProduction() && command != PortalCommands.Migrate)
            ProductionSettings.EnsureSafe(builder.Configuration, demoRequested: command == PortalCommands.SeedDemo);
        builder.AddLocalPostgresWhenUnconfigured();
        builder.AddPortalTelemetry();
        builder.Services
            .AddCore()
            .AddInfrastructure(builder.Configuration)
            .AddWeb(builder.Configuration);
        // Jobs call Core use cases and need the host's lifetime: they belong to the host, not to Infrastructure alone.
        builder.Services.AddJobs();
        builder.Services
            .AddTrustedProxies(builder.Configuration)
            .AddProductionTransport(builder.Environment, builder.Configuration);
        builder.Services.AddDemo(builder.Configuration, WhatsAppWebhookEndpoints.Route, PaymentNotificationEndpoints.MidtransRoute);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // First: everything after it (limits, HTTPS, logs) sees the client's address and scheme.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Before HTTPS redirection and the rate limits: a scraper on the internal network asks over plain HTTP.
        app.UseMetricsEndpoint();
        app.UseProductionTransport();
        app.UseWhen(IsApi, api =>
        {
            // A body the endpoint cannot read (malformed JSON) is the client's mistake: 400, not 500.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSafeTextRequests();

        // Before authentication, so requests without a valid credential are counted too.
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseTwoFactorEnrolmentGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapOpenApi("/api/docs/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(SecurityHeaders.ApiDocsPath, options => options
                .WithTitle("IspPortal API")
                .WithOpenApiRoutePattern("/api/docs/{documentName}.json"))
            .AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/dashboard")).ExcludeFromDescription();
        foreach (var feature in PortalFeatures.All)
            feature.MapEndpoints(app);
        app.MapPortalApi(PortalFeatures.All);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            // The circuit itself is open to anonymous visitors (the customer portal runs interactively for
            // customers, who are no staff principal); every page in it is still authorized by
            // AuthorizeRouteView on each navigation, and the customer pages check the customer's session.
            .Add(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.StartsWith("/_blazor", StringComparison.Ordinal))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
        // Tests drive the jobs' use cases themselves; a background tick would race them.
        if (app.Configuration.GetValue("Jobs:Enabled", true))
            app.Services.UseJobs();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
