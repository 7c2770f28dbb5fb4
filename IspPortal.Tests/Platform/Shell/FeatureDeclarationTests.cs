using System.Xml.Linq;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Billing.Components;
using IspPortal.Web.Features.Identity.Authentication;
using IspPortal.Web.Features.Network.Components;
using IspPortal.Web.Features.Notifications.Components;
using IspPortal.Web.Features.Tickets.Components;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;

namespace IspPortal.Tests.Platform.Shell;

/// <summary>The drawer and the /settings tabs are built from what the features declare, and come out as before.</summary>
public sealed class FeatureDeclarationTests
{
    [Fact]
    public void Drawer_built_from_the_features_has_the_sections_items_and_order_it_always_had()
    {
        var drawer = PortalNavigation.Sections.Select(s => (s.Title, Items: s.Items.Select(i => (i.Title, i.Href)).ToArray())).ToArray();

        Assert.Equal(
        [
            ("Dashboard", [("Dashboard", "/dashboard")]),
            ("Pelanggan", [("Daftar pelanggan", "/customers"), ("Pelanggan baru", "/customers/new"), ("Instalasi", "/customers/installations"), ("Kotak keluar", "/notifications/outbox")]),
            ("Penagihan", [("Daftar tagihan", "/billing/invoices"), ("Riwayat proses penagihan", "/billing/runs"), ("Pembayaran", "/billing/payments")]),
            ("Keuangan", [("Pengeluaran", "/finance/expenses"), ("Pemasukan lain", "/finance/income"), ("Aset tetap", "/finance/assets"), ("Modal", "/finance/capital"), ("Investasi", "/finance/investments"), ("Anggaran", "/finance/budgets"), ("Jurnal", "/finance/journal"), ("Buku besar", "/finance/ledger"), ("Neraca saldo", "/finance/trial-balance"), ("Bagan akun", "/finance/accounts"), ("Jurnal manual", "/finance/manual-journals"), ("Tutup buku", "/finance/periods")]),
            ("Laporan", [("Laba rugi", "/reports/profit-loss"), ("Neraca", "/reports/balance-sheet"), ("Arus kas", "/reports/cash-flow"), ("Piutang", "/reports/receivables"),
                ("Pelanggan & pendapatan", "/reports/customers"), ("Uptime jaringan", "/reports/uptime"), ("Bandwidth", "/reports/bandwidth"), ("Laporan tersimpan", "/reports/saved")]),
            ("Tiket", [("Daftar tiket", "/tickets"), ("Pekerjaan saya", "/my-work"), ("Analitik tiket", "/tickets/analytics")]),
            ("Jaringan", [("Peta pelanggan", "/network/map"), ("Monitoring", "/network/monitoring"), ("Router", "/network/routers"), ("Pool router", "/network/pools")]),
            ("Pengaturan", [("Kode lokasi", "/settings/locations"), ("Paket layanan", "/settings/packages"), ("Kategori tiket", "/settings/ticket-categories"),
                ("Pengaturan umum", "/settings"), ("Templat notifikasi", "/settings/notification-templates"), ("Pengguna", "/settings/users"),
                ("Kunci API", "/settings/api-keys"), ("Log audit", "/settings/audit")]),
        ], drawer);
    }

    [Fact]
    public void Drawer_items_keep_their_policies_landing_role_and_badge()
    {
        var items = PortalNavigation.Sections.SelectMany(s => s.Items).ToDictionary(i => i.Href);

        Assert.Equal(Permissions.CustomersWrite, items["/customers/new"].Policy);
        Assert.Equal(Permissions.InstallationsWork, items["/customers/installations"].Policy);
        Assert.Equal(Permissions.ReportsRead, items["/tickets/analytics"].Policy);
        Assert.Equal(Permissions.SettingsManage, items["/settings"].Policy);
        Assert.Equal(PermissionPolicies.NetworkReports, items["/reports/uptime"].Policy);
        Assert.Equal(PermissionPolicies.NetworkReports, items["/reports/bandwidth"].Policy);
        Assert.Equal(Permissions.AuditRead, items["/settings/audit"].Policy);
        Assert.Equal(Roles.Technician, Assert.Single(items.Values, i => i.LandingFor is not null).LandingFor);
        Assert.Equal("/my-work", items.Values.Single(i => i.LandingFor is not null).Href);
        Assert.Equal(typeof(ChatUnreadBadge), Assert.Single(items.Values, i => i.Badge is not null).Badge);
        Assert.Equal("/tickets", items.Values.Single(i => i.Badge is not null).Href);
    }

    [Fact]
    public void Settings_page_tabs_built_from_the_features_have_their_titles_order_and_forms()
    {
        var tabs = PortalSettingsTabs.All.Select(t => (t.Title, Forms: t.Components.ToArray())).ToArray();

        Assert.Equal(
        [
            ("Perusahaan", [typeof(CompanyProfileForm), typeof(CompanyLogoForm), typeof(PaymentInstructionsForm)]),
            ("Regional", [typeof(RegionalSettingsForm)]),
            ("Penagihan", [typeof(BillingSettingsForm)]),
            ("Keuangan", [typeof(IspPortal.Web.Features.Finance.Components.FinanceSettingsForm)]),
            ("Jaringan", [typeof(NetworkSettingsForm)]),
            ("Peringatan", [typeof(AlertSettingsForm)]),
            ("Notifikasi", [typeof(NotificationSettingsForm)]),
            ("Pembayaran online", [typeof(PaymentGatewaySettingsForm)]),
            ("Jam kerja", [typeof(TicketHoursSettings)]),
            ("Keamanan", [typeof(IspPortal.Web.Features.Identity.Components.TwoFactorSettingsForm)]),
            ("Cadangan", [typeof(IspPortal.Web.Features.Backups.Components.BackupRunsPanel), typeof(IspPortal.Web.Features.Backups.Components.BackupSettingsForm)]),
        ], tabs);
    }

    [Fact]
    public void Declarations_of_one_tab_by_two_features_become_one_tab_placed_by_the_lower_order()
    {
        var tabs = PortalSettingsTabs.Build([
            new Declares(tabs: [new SettingsTab("B", "icon-b", 20, [typeof(string)])]),
            new Declares(tabs: [new SettingsTab("A", "icon-a2", 11, [typeof(long)]), new SettingsTab("A", "icon-a", 10, [typeof(int)])]),
        ]);

        Assert.Equal([("A", "icon-a", 10), ("B", "icon-b", 20)], tabs.Select(t => (t.Title, t.Icon, t.Order)));
        Assert.Equal([typeof(int), typeof(long)], tabs[0].Components);
    }

    [Fact]
    public void A_navigation_item_in_a_section_the_drawer_does_not_have_is_refused()
    {
        var stray = new Declares(items: [new NavItem("Gudang", "Stok", "/warehouse", "icon", Permissions.BillingRead, 10)]);

        var refused = Assert.Throws<InvalidOperationException>(() => PortalNavigation.Build([stray]));

        Assert.Contains("Gudang", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_feature_class_of_the_web_project_is_in_the_feature_list()
    {
        var declared = typeof(IPortalFeature).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPortalFeature).IsAssignableFrom(t))
            .ToHashSet();

        Assert.Equal(declared, PortalFeatures.All.Select(f => f.GetType()).ToHashSet());
        Assert.All(declared.Where(t => t.Namespace!.StartsWith("IspPortal.Web.Features.", StringComparison.Ordinal)),
            t => Assert.Equal($"IspPortal.Web.Features.{t.Name[..^"Feature".Length]}", t.Namespace));
    }

    [Fact]
    public void Every_settings_tab_title_has_an_english_translation()
    {
        var english = XDocument.Load(Path.Combine(RepositoryFolder.Root, "IspPortal.Web", "Resources", "Localization", "SharedStrings.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        Assert.All(PortalSettingsTabs.All, tab => Assert.Contains(tab.Title, english));
    }

    private sealed class Declares(IReadOnlyList<NavItem>? items = null, IReadOnlyList<SettingsTab>? tabs = null) : IPortalFeature
    {
        public IReadOnlyList<NavItem> Navigation => items ?? [];

        public IReadOnlyList<SettingsTab> SettingsTabs => tabs ?? [];
    }
}
