using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Notifications.WhatsApp;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<WhatsAppFeed>();
        services.AddScoped<DispatchOutbox>();
        services.AddScoped<ReceiveWhatsAppWebhook>();
        services.AddScoped<QueueWhatsAppMessage>();
        services.AddScoped<OutboxList>();
        services.AddScoped<NotificationTemplates>();
        services.AddScoped<SaveNotificationSettings>();
        return services;
    }
}
