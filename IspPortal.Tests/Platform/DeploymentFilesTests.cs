using System.Text.Json;
using System.Text.RegularExpressions;
using IspPortal.Tests.Support;
using YamlDotNet.Serialization;

namespace IspPortal.Tests.Platform;

// No Docker engine runs where we build; these tests keep the deployment files honest by reading them.
public sealed partial class DeploymentFilesTests
{
    private static readonly string _repository = RepositoryFolder.Root;
    private static readonly string[] _appProjects = ["IspPortal.Core", "IspPortal.Infrastructure", "IspPortal.Web"];

    // The operating system's own variables, read (e.g. to find programs) but never settings of ours.
    private static readonly string[] _systemVariables = ["PATH", "HOME", "TMPDIR", "USER"];

    [Fact]
    public void Compose_runs_postgres_15_with_a_volume_and_a_readiness_check()
    {
        var postgres = Service("postgres");

        Assert.StartsWith("postgres:15", (string)postgres["image"], StringComparison.Ordinal);
        Assert.Contains(Strings(postgres["volumes"]), volume => volume.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        Assert.Contains("pg_isready", string.Join(' ', Strings(Map(postgres["healthcheck"])["test"])), StringComparison.Ordinal);
        AssertNamedVolumesDeclared(postgres);
    }

    [Fact]
    public void Compose_starts_the_app_after_a_healthy_database_with_its_settings_volume_and_health_check()
    {
        var app = Service("app");

        Assert.Equal("service_healthy", Map(Map(app["depends_on"])["postgres"])["condition"]);
        Assert.Contains(".env", Strings(app["env_file"]));
        Assert.Contains("ConnectionStrings__Default", Map(app["environment"]).Keys.Cast<string>());
        Assert.Contains("/health", string.Join(' ', Strings(Map(app["healthcheck"])["test"])), StringComparison.Ordinal);
        Assert.Contains(Strings(app["volumes"]), volume => volume.EndsWith(":/var/lib/ispportal", StringComparison.Ordinal));
        AssertNamedVolumesDeclared(app);
    }

    [Fact]
    public void Dockerfile_builds_with_the_sdk_and_runs_unprivileged_on_the_aspnet_runtime_with_a_health_check()
    {
        var lines = File.ReadAllLines(Path.Combine(_repository, "Dockerfile")).Select(line => line.Trim()).ToList();
        var stages = lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Contains("dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        var user = Assert.Single(lines, line => line.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotEqual("root", user["USER ".Length..].Trim());
        Assert.Contains(lines, line => line.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/health", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_the_app_reads_is_documented_in_env_example()
    {
        var documented = DocumentedSettings();

        var undocumented = SettingsTheAppReads().Where(setting => !documented.Contains(setting)).Order(StringComparer.Ordinal).ToList();

        Assert.True(undocumented.Count == 0, $"Document in .env.example: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void Every_variable_compose_substitutes_is_documented_in_env_example()
    {
        var documented = DocumentedSettings();
        var compose = File.ReadAllText(Path.Combine(_repository, "docker-compose.yml"));

        var undocumented = ComposeVariable().Matches(compose).Select(match => match.Groups[1].Value)
            .Where(variable => !documented.Contains(variable)).Distinct().ToList();

        Assert.True(undocumented.Count == 0, $"Document in .env.example: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void Settings_scan_finds_what_the_portal_is_known_to_read()
    {
        var read = SettingsTheAppReads();

        Assert.Contains("ISPPORTAL_DATA", read);
        Assert.Contains("ISPPORTAL_PG_PORT", read);
        Assert.Contains("ISPPORTAL_DEMO_PASSWORD", read);
        Assert.Contains("Demo__Enabled", read);
        Assert.Contains("ConnectionStrings__Default", read);
        Assert.Contains("Logging__LogLevel__Default", read);
    }

    // What the app reads, found mechanically: ISPPORTAL_* names and GetEnvironmentVariable("…")
    // in the app's projects and run.sh, "Section:Key" literals and GetConnectionString("…") in its
    // code, and every key of its appsettings*.json, all in environment-variable form (Section__Key).
    private static HashSet<string> SettingsTheAppReads()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal) { "ConnectionStrings__Default" };
        var sources = _appProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(_repository, project), "*", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file) && Path.GetExtension(file) is ".cs" or ".razor" or ".json" or ".sh")
            .Append(Path.Combine(_repository, "run.sh"));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            settings.UnionWith(IspPortalVariable().Matches(text).Select(match => match.Value));
            settings.UnionWith(EnvironmentVariableRead().Matches(text).Select(match => match.Groups[1].Value));
            if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            {
                settings.UnionWith(ConfigurationKeyLiteral().Matches(text).Select(match => match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)));
                settings.UnionWith(ConnectionStringRead().Matches(text).Select(match => $"ConnectionStrings__{match.Groups[1].Value}"));
            }
        }

        foreach (var appSettings in Directory.EnumerateFiles(Path.Combine(_repository, "IspPortal.Web"), "appsettings*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(appSettings));
            settings.UnionWith(Keys(json.RootElement, prefix: null));
        }

        settings.ExceptWith(_systemVariables);
        return settings;
    }

    private static IEnumerable<string> Keys(JsonElement element, string? prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return prefix is null ? [] : [prefix];
        }

        return element.EnumerateObject().SelectMany(property => Keys(property.Value, prefix is null ? property.Name : $"{prefix}__{property.Name}"));
    }

    private static HashSet<string> DocumentedSettings() =>
        File.ReadLines(Path.Combine(_repository, ".env.example"))
            .Select(line => DocumentedSetting().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static void AssertNamedVolumesDeclared(Dictionary<object, object> service)
    {
        var declared = Map(Compose()["volumes"]).Keys.Cast<string>().ToHashSet();
        foreach (var volume in Strings(service["volumes"]))
        {
            var source = volume.Split(':')[0];
            Assert.True(source.StartsWith('.') || source.StartsWith('/') || declared.Contains(source), $"volume '{source}' is not declared");
        }
    }

    private static Dictionary<object, object> Service(string name) => Map(Map(Compose()["services"])[name]);

    private static Dictionary<object, object> Compose() =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(_repository, "docker-compose.yml")));

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<string> Strings(object node) => node switch
    {
        string single => [single],
        List<object> list => list.Cast<string>().ToList(),
        _ => throw new InvalidOperationException($"Expected a string or a list of strings, found {node.GetType().Name}."),
    };

    [GeneratedRegex(@"\bISPPORTAL_[A-Z0-9_]*[A-Z0-9]\b")]
    private static partial Regex IspPortalVariable();

    [GeneratedRegex(@"GetEnvironmentVariable\(\s*""([^""]+)""")]
    private static partial Regex EnvironmentVariableRead();

    [GeneratedRegex(@"""([A-Z][A-Za-z0-9]*(?::[A-Z][A-Za-z0-9.]*)+)""")]
    private static partial Regex ConfigurationKeyLiteral();

    [GeneratedRegex(@"GetConnectionString\(\s*""([^""]+)""")]
    private static partial Regex ConnectionStringRead();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex(@"^\s*(?:#\s*)?([A-Za-z_][A-Za-z0-9_.]*)=")]
    private static partial Regex DocumentedSetting();
}
