using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Layout;
using MudBlazor;

namespace IspPortal.Web.Shell.Settings;

/// <summary>The /settings page itself and the company-wide forms every feature relies on (profile, region).</summary>
public sealed class CompanySettingsFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Settings, "Pengaturan umum", "/settings", Icons.Material.Filled.Tune, Permissions.SettingsManage, 40),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Perusahaan", Icons.Material.Filled.Business, 10, [typeof(CompanyProfileForm)]),
        new("Regional", Icons.Material.Filled.Public, 20, [typeof(RegionalSettingsForm)]),
    ];
}
