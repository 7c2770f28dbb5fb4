using IspPortal.Tests.Support;

namespace IspPortal.Tests.Architecture;

/// <summary>
/// The web project's layering, read from its sources: pages, components and endpoints reach data
/// through Core use cases and queries; only the composition root (Host/) knows Infrastructure; and
/// no component grows back into a 300-line page.
/// </summary>
public sealed class WebBoundaryTests
{
    private static readonly string _web = RepositoryFolder.PathTo("IspPortal.Web");

    [Fact]
    public void Only_the_composition_root_references_infrastructure()
    {
        var offenders = SourcesOutsideHost().Where(f => f.Text.Contains("IspPortal.Infrastructure", StringComparison.Ordinal)).Select(f => f.Path);

        Assert.Empty(offenders);
    }

    [Fact]
    public void Pages_components_and_endpoints_reach_data_only_through_core()
    {
        string[] dataAccess = ["IIspDb", "IspDbContext", "ISecretProtector"];

        var offenders = SourcesOutsideHost()
            .Where(f => dataAccess.Any(name => f.Text.Contains(name, StringComparison.Ordinal)))
            .Select(f => f.Path);

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_component_is_over_200_lines_and_no_class_over_400()
    {
        var offenders = Sources(Directory.EnumerateFiles(_web, "*.*", SearchOption.AllDirectories))
            .Where(f => f.Path.EndsWith(".razor", StringComparison.Ordinal) ? Lines(f.Text) > 200 : f.Path.EndsWith(".cs", StringComparison.Ordinal) && Lines(f.Text) > 400)
            .Select(f => $"{f.Path}: {Lines(f.Text)} lines");

        Assert.Empty(offenders);
    }

    private static IEnumerable<(string Path, string Text)> SourcesOutsideHost() =>
        Sources(Directory.EnumerateFiles(_web, "*.*", SearchOption.AllDirectories))
            .Where(f => !f.Path.StartsWith("Host" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static IEnumerable<(string Path, string Text)> Sources(IEnumerable<string> files) =>
        files.Select(file => Path.GetRelativePath(_web, file))
            .Where(path => (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
                && !path.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(path => (path, File.ReadAllText(Path.Combine(_web, path))));

    private static int Lines(string text) => text.TrimEnd('\n').Split('\n').Length;
}
