using IspPortal.Core;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.Demo;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Web.Features.Billing.Endpoints;
using IspPortal.Web.Features.Notifications.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace IspPortal.Web.Host;

public static class PortalHost
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddLocalPostgresWhenUnconfigured();
        builder.Services
            .AddCore()
            .AddInfrastructure(builder.Configuration)
            .AddWeb(builder.Configuration);
        // Jobs call Core use cases and need the host's lifetime: they belong to the host, not to Infrastructure alone.
        builder.Services.AddJobs();
        builder.Services.AddDemo(builder.Configuration, WhatsAppWebhookEndpoints.Route, PaymentNotificationEndpoints.MidtransRoute);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
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

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapOpenApi("/api/docs/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("IspPortal API")
                .WithOpenApiRoutePattern("/api/docs/{documentName}.json"))
            .AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/dashboard")).ExcludeFromDescription();
        foreach (var feature in PortalFeatures.All)
            feature.MapEndpoints(app);
        app.MapPortalApi(PortalFeatures.All);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // Tests drive the jobs' use cases themselves; a background tick would race them.
        if (app.Configuration.GetValue("Jobs:Enabled", true))
            app.Services.UseJobs();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
