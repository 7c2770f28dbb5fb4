using IspPortal.Core.Identity;
using IspPortal.Web.Features.Tickets.Components;
using IspPortal.Web.Features.Tickets.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Tickets;

public sealed class TicketsFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Tickets, "Daftar tiket", "/tickets", Icons.Material.Filled.ConfirmationNumber, Permissions.TicketsRead, 10, Badge: typeof(ChatUnreadBadge)),
        new(NavSections.Tickets, "Pekerjaan saya", "/my-work", Icons.Material.Filled.Engineering, Permissions.TicketsRead, 20, LandingFor: Roles.Technician),
        new(NavSections.Tickets, "Analitik tiket", "/tickets/analytics", Icons.Material.Filled.Insights, Permissions.ReportsRead, 30),
        new(NavSections.Settings, "Kategori tiket", "/settings/ticket-categories", Icons.Material.Filled.Category, Permissions.ReferenceDataRead, 30),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Jam kerja", Icons.Material.Filled.Schedule, 70, [typeof(TicketHoursSettings)]),
    ];

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapTicketEndpoints();
        api.MapTicketEmailEndpoints();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTicketAttachments();
}
