using IspPortal.Core.Identity;
using IspPortal.Web.Features.Notifications.Components;
using IspPortal.Web.Features.Notifications.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Notifications;

public sealed class NotificationsFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Customers, "Kotak keluar", "/notifications/outbox", Icons.Material.Filled.Outbox, Permissions.CustomersRead, 40),
        new(NavSections.Settings, "Templat notifikasi", "/settings/notification-templates", Icons.Material.Filled.Message, Permissions.SettingsManage, 50),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Notifikasi", Icons.Material.Filled.Notifications, 50, [typeof(NotificationSettingsForm)]),
    ];

    public void MapApi(RouteGroupBuilder api) => api.MapWhatsAppSendEndpoints();

    // Meta calls the webhook with its own signature, not an API key: outside the /api group's scheme.
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapWhatsAppWebhook();
}
