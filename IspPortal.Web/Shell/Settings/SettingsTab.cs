namespace IspPortal.Web.Shell.Settings;

/// <summary>
/// A tab of the /settings page, or a feature's part of one: tabs declared with the same title are one
/// tab, placed by their lowest <paramref name="Order"/>, holding every declaration's forms in order.
/// </summary>
/// <param name="Components">Settings forms (components without parameters), shown one under another.</param>
public sealed record SettingsTab(string Title, string Icon, int Order, IReadOnlyList<Type> Components);

public static class PortalSettingsTabs
{
    public static readonly IReadOnlyList<SettingsTab> All = Build(PortalFeatures.All);

    public static IReadOnlyList<SettingsTab> Build(IEnumerable<IPortalFeature> features) =>
    [
        .. features.SelectMany(feature => feature.SettingsTabs)
            .OrderBy(tab => tab.Order)
            .GroupBy(tab => tab.Title)
            .Select(parts => parts.First() with { Components = [.. parts.SelectMany(part => part.Components)] }),
    ];
}
