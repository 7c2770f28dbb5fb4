using IspPortal.Core.Billing.Payments;
using IspPortal.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IspPortal.Infrastructure.Demo;

public static class DemoModule
{
    /// <summary>
    /// The demo ISP: its seed (always registered, so <c>seed-demo</c> works on any portal) and, when
    /// <c>Demo:Enabled</c>, the stand-ins of its routers, WhatsApp number and payment gateway, each of
    /// which <c>Demo:RouterSimulators</c>, <c>Demo:WhatsAppStandIn</c> or <c>Demo:PaymentGatewayStandIn</c> can switch off.
    /// </summary>
    /// <param name="whatsAppWebhookRoute">The portal's WhatsApp Cloud API webhook route, which the stand-in reports delivery to.</param>
    /// <param name="midtransNotificationRoute">The portal's Midtrans notification route, which the stand-in reports payments to.</param>
    public static IServiceCollection AddDemo(
        this IServiceCollection services, IConfiguration configuration, string whatsAppWebhookRoute, string midtransNotificationRoute)
    {
        // The demo seed needs Identity's UserManager, which the web host registers.
        services.AddScoped<DemoSeeder>().AddScoped<DemoNetwork>().AddScoped<DemoBooks>().AddScoped<DemoBilling>().AddScoped<DemoExpenses>();
        var demo = configuration.GetValue(LocalPostgresHosting.DemoEnabledKey, false);
        if (demo && configuration.GetValue("Demo:RouterSimulators", true))
            services.AddSingleton<DemoRouterSimulators>().AddHostedService(sp => sp.GetRequiredService<DemoRouterSimulators>());
        if (demo && configuration.GetValue("Demo:WhatsAppStandIn", true))
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoWhatsApp>(sp, whatsAppWebhookRoute));
        if (demo && configuration.GetValue("Demo:PaymentGatewayStandIn", true))
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DemoPaymentGateway>(sp, midtransNotificationRoute))
                .AddHostedService(sp => sp.GetRequiredService<DemoPaymentGateway>())
                // The pay page offers "simulate payment" only where this stand-in runs.
                .Replace(ServiceDescriptor.Singleton<IPaymentSimulation>(sp => sp.GetRequiredService<DemoPaymentGateway>()));
        return services;
    }
}
