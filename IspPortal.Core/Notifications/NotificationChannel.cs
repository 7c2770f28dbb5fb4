namespace IspPortal.Core.Notifications;

public enum NotificationChannel
{
    WhatsApp,
    Email,
}
