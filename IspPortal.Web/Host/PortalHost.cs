using IspPortal.Core;
using IspPortal.Core.Billing.Payments;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.Demo;
using IspPortal.Infrastructure.Jobs;
using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Web.Features.Billing.Endpoints;
using IspPortal.Web.Features.Notifications.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // The demo seed needs Identity's UserManager, which the web host registers.
        builder.Services.AddScoped<DemoSeeder>().AddScoped<DemoNetwork>();
        if (builder.Configuration.GetValue("Demo:Enabled", false) && builder.Configuration.GetValue("Demo:RouterSimulators", true))
            builder.Services.AddSingleton<DemoRouterSimulators>().AddHostedService(sp => sp.GetRequiredService<DemoRouterSimulators>());
        if (builder.Configuration.GetValue("Demo:Enabled", false) && builder.Configuration.GetValue("Demo:WhatsAppStandIn", true))
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoWhatsApp>(sp, WhatsAppWebhookEndpoints.Route));
        if (builder.Configuration.GetValue("Demo:Enabled", false) && builder.Configuration.GetValue("Demo:PaymentGatewayStandIn", true))
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DemoPaymentGateway>(sp, PaymentNotificationEndpoints.MidtransRoute))
                .AddHostedService(sp => sp.GetRequiredService<DemoPaymentGateway>())
                // Only the demo's stand-in can settle a QRIS code without a bank: the pay page offers it here alone.
                .Replace(ServiceDescriptor.Singleton<IPaymentSimulation>(sp => sp.GetRequiredService<DemoPaymentGateway>()));
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
