using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Notifications;

public static class NotificationsInfrastructureModule
{
    public static IServiceCollection AddNotificationsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PortalAddress(new Uri(configuration.PublicUrl(), UriKind.Absolute)));
        services.AddSingleton<IOutboxWriter, PostgresOutboxWriter>();
        services.AddScoped<IOutboxClaims, PostgresOutboxClaims>();
        services.AddHttpClient(CloudApiWhatsAppSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        // The outbox picks the sender whose provider the notification settings name.
        services.AddSingleton<IWhatsAppSender, CloudApiWhatsAppSender>();
        services.AddSingleton<IWhatsAppSender, HttpGatewayWhatsAppSender>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddJob<OutboxDispatchJob>(Every.TenSeconds);
        return services;
    }
}
