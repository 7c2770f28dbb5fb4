using IspPortal.Core.Identity;
using MudBlazor;

namespace IspPortal.Web.Components.Layout;

/// <param name="LandingFor">A role for whom this page is the day's starting point: it also heads their drawer.</param>
/// <param name="Badge">A component shown after the title (a live count), or null.</param>
public sealed record NavItem(string Title, string Href, string Icon, string Policy, string? LandingFor = null, Type? Badge = null);

public sealed record NavSection(string Title, string Icon, IReadOnlyList<NavItem> Items);

/// <summary>
/// The drawer, grouped by area of work. A page appears here only once its feature is built; each
/// item names the policy that also guards the page, so the menu never offers a door that is locked.
/// </summary>
public static class PortalNavigation
{
    public static readonly IReadOnlyList<NavSection> Sections =
    [
        new("Dashboard", Icons.Material.Filled.Dashboard,
        [
            new("Dashboard", "/dashboard", Icons.Material.Filled.Dashboard, Permissions.DashboardRead),
        ]),
        new("Pelanggan", Icons.Material.Filled.People,
        [
            new("Daftar pelanggan", "/customers", Icons.Material.Filled.People, Permissions.CustomersRead),
            new("Pelanggan baru", "/customers/new", Icons.Material.Filled.PersonAdd, Permissions.CustomersWrite),
            new("Instalasi", "/customers/installations", Icons.Material.Filled.Construction, Permissions.InstallationsWork),
            new("Kotak keluar", "/notifications/outbox", Icons.Material.Filled.Outbox, Permissions.CustomersRead),
        ]),
        new("Penagihan", Icons.Material.Filled.ReceiptLong,
        [
            new("Daftar tagihan", "/billing/invoices", Icons.Material.Filled.ReceiptLong, Permissions.BillingRead),
            new("Riwayat proses penagihan", "/billing/runs", Icons.Material.Filled.History, Permissions.BillingRead),
            new("Pembayaran", "/billing/payments", Icons.Material.Filled.Payments, Permissions.BillingRead),
        ]),
        new("Tiket", Icons.Material.Filled.SupportAgent,
        [
            new("Daftar tiket", "/tickets", Icons.Material.Filled.ConfirmationNumber, Permissions.TicketsRead, Badge: typeof(Pages.Tickets.Components.ChatUnreadBadge)),
            new("Pekerjaan saya", "/my-work", Icons.Material.Filled.Engineering, Permissions.TicketsRead, LandingFor: Roles.Technician),
            new("Analitik tiket", "/tickets/analytics", Icons.Material.Filled.Insights, Permissions.ReportsRead),
        ]),
        new("Jaringan", Icons.Material.Filled.Hub,
        [
            new("Peta pelanggan", "/network/map", Icons.Material.Filled.Map, Permissions.NetworkRead),
            new("Monitoring", "/network/monitoring", Icons.Material.Filled.MonitorHeart, Permissions.NetworkRead),
            new("Router", "/network/routers", Icons.Material.Filled.Router, Permissions.NetworkRead),
            new("Pool router", "/network/pools", Icons.Material.Filled.AccountTree, Permissions.NetworkRead),
        ]),
        new("Pengaturan", Icons.Material.Filled.Settings,
        [
            new("Kode lokasi", "/settings/locations", Icons.Material.Filled.Place, Permissions.ReferenceDataRead),
            new("Paket layanan", "/settings/packages", Icons.Material.Filled.Speed, Permissions.ReferenceDataRead),
            new("Kategori tiket", "/settings/ticket-categories", Icons.Material.Filled.Category, Permissions.ReferenceDataRead),
            new("Pengaturan umum", "/settings", Icons.Material.Filled.Tune, Permissions.SettingsManage),
            new("Templat notifikasi", "/settings/notification-templates", Icons.Material.Filled.Message, Permissions.SettingsManage),
            new("Pengguna", "/settings/users", Icons.Material.Filled.People, Permissions.UsersManage),
            new("Kunci API", "/settings/api-keys", Icons.Material.Filled.Key, Permissions.ApiKeysManage),
            new("Log audit", "/settings/audit", Icons.Material.Filled.History, Permissions.AuditRead),
        ]),
    ];
}
