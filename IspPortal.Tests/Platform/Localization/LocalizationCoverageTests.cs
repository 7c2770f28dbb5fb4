using System.Text.RegularExpressions;
using System.Xml.Linq;
using IspPortal.Tests.Support;
using IspPortal.Web.Shell.Layout;

namespace IspPortal.Tests.Platform.Localization;

/// <summary>English is selectable, so every literal UI text needs its English entry.</summary>
public sealed partial class LocalizationCoverageTests
{
    [Fact]
    public void Every_literal_ui_text_and_menu_title_has_an_english_translation()
    {
        var root = RepositoryFolder.Root;
        var english = XDocument.Load(Path.Combine(root, "IspPortal.Web", "Resources", "Localization", "SharedStrings.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var keys = Directory.EnumerateFiles(Path.Combine(root, "IspPortal.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(PortalNavigation.Sections.SelectMany(s => s.Items.Select(i => i.Title).Append(s.Title)))
            .ToHashSet(StringComparer.Ordinal);

        var missing = keys.Where(k => !english.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(keys.Count > 50, $"Found only {keys.Count} texts; the scan is broken");
        Assert.True(missing.Count == 0, "No English for: " + string.Join(" | ", missing));
    }

    [GeneratedRegex("""(?:\bL|Localizer)\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizedLiteral();
}
