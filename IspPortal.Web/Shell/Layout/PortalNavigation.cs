using MudBlazor;

namespace IspPortal.Web.Shell.Layout;

/// <param name="Section">The drawer group (one of <see cref="NavSections"/>) the item sits in.</param>
/// <param name="Order">Position inside the section; features interleave in one section by it.</param>
/// <param name="LandingFor">A role for whom this page is the day's starting point: it also heads their drawer.</param>
/// <param name="Badge">A component shown after the title (a live count), or null.</param>
public sealed record NavItem(string Section, string Title, string Href, string Icon, string Policy, int Order, string? LandingFor = null, Type? Badge = null);

public sealed record NavSection(string Title, string Icon, IReadOnlyList<NavItem> Items);

/// <summary>The drawer's groups, in the order the drawer shows them.</summary>
public static class NavSections
{
    public const string Dashboard = "Dashboard";
    public const string Customers = "Pelanggan";
    public const string Billing = "Penagihan";
    public const string Finance = "Keuangan";
    public const string Reports = "Laporan";
    public const string Tickets = "Tiket";
    public const string Network = "Jaringan";
    public const string Settings = "Pengaturan";

    public static readonly IReadOnlyList<(string Title, string Icon)> InOrder =
    [
        (Dashboard, Icons.Material.Filled.Dashboard),
        (Customers, Icons.Material.Filled.People),
        (Billing, Icons.Material.Filled.ReceiptLong),
        (Finance, Icons.Material.Filled.AccountBalance),
        (Reports, Icons.Material.Filled.Assessment),
        (Tickets, Icons.Material.Filled.SupportAgent),
        (Network, Icons.Material.Filled.Hub),
        (Settings, Icons.Material.Filled.Settings),
    ];
}

/// <summary>
/// The drawer, built from what the features declare. Each item names the policy that also guards
/// the page, so the menu never offers a door that is locked.
/// </summary>
public static class PortalNavigation
{
    public static readonly IReadOnlyList<NavSection> Sections = Build(PortalFeatures.All);

    public static IReadOnlyList<NavSection> Build(IEnumerable<IPortalFeature> features)
    {
        var items = features.SelectMany(feature => feature.Navigation).ToList();
        if (items.FirstOrDefault(item => !NavSections.InOrder.Any(section => section.Title == item.Section)) is { } stray)
            throw new InvalidOperationException($"Navigation item '{stray.Title}' names an unknown drawer section '{stray.Section}'.");
        return
        [
            .. NavSections.InOrder
                .Select(section => new NavSection(section.Title, section.Icon, [.. items.Where(item => item.Section == section.Title).OrderBy(item => item.Order)]))
                .Where(section => section.Items.Count > 0),
        ];
    }
}
