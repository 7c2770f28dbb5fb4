using System.Text.RegularExpressions;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Architecture;

/// <summary>The shape a newcomer relies on: namespaces follow folders, files stay readable, the DI roots stay short.</summary>
public sealed partial class CodeShapeTests
{
    private static readonly string[] Projects = ["IspPortal.Core", "IspPortal.Infrastructure", "IspPortal.Web", "IspPortal.Tests"];

    // The RouterOS wire protocol (client and simulator) is read against ROUTEROS.md as a whole;
    // migrations are generated.
    private static readonly string[] LongFilesAllowedUnder =
    [
        "IspPortal.Infrastructure/Network/RouterOs/",
        "IspPortal.Infrastructure/StandIns/RouterOs/",
        "IspPortal.Infrastructure/Persistence/Migrations/",
        "IspPortal.Tests/",
    ];

    [Fact]
    public void Namespaces_follow_folders()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles("*.cs"))
        {
            var declared = NamespaceLine().Match(File.ReadAllText(file));
            if (!declared.Success)
                continue;
            var relative = Path.GetRelativePath(RepositoryFolder.Root, Path.GetDirectoryName(file)!);
            var expected = relative.Replace(Path.DirectorySeparatorChar, '.');
            if (declared.Groups[1].Value != expected)
                wrong.Add($"  {Relative(file)}: namespace {declared.Groups[1].Value}, folder says {expected}");
        }
        Assert.True(wrong.Count == 0, "Namespace does not match the folder:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Components_stay_under_200_lines_and_classes_under_400()
    {
        var tooLong = SourceFiles("*.razor").Select(f => (File: f, Limit: 200))
            .Concat(SourceFiles("*.cs").Select(f => (File: f, Limit: 400)))
            .Where(f => !LongFilesAllowedUnder.Any(prefix => Relative(f.File).StartsWith(prefix, StringComparison.Ordinal)))
            .Select(f => (f.File, f.Limit, Lines: File.ReadLines(f.File).Count()))
            .Where(f => f.Lines > f.Limit)
            .Select(f => $"  {Relative(f.File)}: {f.Lines} lines (at most {f.Limit})")
            .ToList();
        Assert.True(tooLong.Count == 0, "Split these into focused parts:\n" + string.Join("\n", tooLong));
    }

    [Theory]
    [InlineData("IspPortal.Core/DependencyInjection.cs")]
    [InlineData("IspPortal.Infrastructure/DependencyInjection.cs")]
    public void The_layer_roots_only_list_modules(string root)
    {
        var lines = File.ReadAllLines(RepositoryFolder.PathTo(root));
        Assert.True(lines.Length <= 60, $"{root} has {lines.Length} lines: registrations belong in the feature modules.");
    }

    [Fact]
    public void Every_core_feature_registers_itself_in_a_module()
    {
        var core = RepositoryFolder.PathTo("IspPortal.Core");
        var withUseCases = Directory.GetDirectories(core)
            .Select(Path.GetFileName)
            .Where(name => name is not ("Common" or "Settings" or "bin" or "obj" or "Finance"))
            .ToList();
        Assert.Contains("Tickets", withUseCases);
        var rootText = File.ReadAllText(Path.Combine(core, "DependencyInjection.cs"));
        Assert.All(withUseCases, feature =>
        {
            Assert.True(File.Exists(Path.Combine(core, feature!, feature + "Module.cs")), $"IspPortal.Core/{feature}/{feature}Module.cs is missing.");
            Assert.Contains($".Add{feature}()", rootText);
        });
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Projects.SelectMany(project => Directory.EnumerateFiles(RepositoryFolder.PathTo(project), pattern, SearchOption.AllDirectories))
            .Where(file => !Relative(file).Split('/').Any(part => part is "bin" or "obj" or "node_modules"));

    private static string Relative(string file) => Path.GetRelativePath(RepositoryFolder.Root, file).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
