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
    public void Compose_publishes_the_portal_only_on_loopback_and_trusts_forwarded_headers_only_from_a_named_network()
    {
        var app = Service("app");
        var environment = Map(app["environment"]).Keys.Cast<string>().ToList();

        Assert.All(Strings(app["ports"]), port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
        Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", environment);
        Assert.Contains("ForwardedHeaders__KnownNetworks", environment);
        Assert.Contains("loopback", File.ReadAllText(Path.Combine(_repository, "docker-compose.yml")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_sh_runs_the_demo_outside_production()
    {
        var script = File.ReadAllText(Path.Combine(_repository, "run.sh"));

        Assert.Matches(@"export ASPNETCORE_ENVIRONMENT=""\$\{ASPNETCORE_ENVIRONMENT:-Demo\}""", script);
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

        // A section ("Security__", from an options class's SectionName) needs at least one of its keys.
        var undocumented = SettingsTheAppReads()
            .Where(setting => setting.EndsWith("__", StringComparison.Ordinal)
                ? !documented.Any(entry => entry.StartsWith(setting, StringComparison.Ordinal))
                : !documented.Contains(setting))
            .Order(StringComparer.Ordinal)
            .ToList();

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

    [Fact]
    public void Settings_scan_recognises_each_way_code_reads_a_setting()
    {
        const string code = """
            var a = Environment.GetEnvironmentVariable("PAYMENT_GATEWAY_URL");
            var b = builder.Configuration["Billing:InvoiceDay"];
            var c = _configuration.GetValue<int>("Network:PollSeconds");
            var d = configuration.GetConnectionString("Reports");
            services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
            public const string SectionName = "WhatsApp";
            public const string TimeZoneKey = "Settings:TimeZone";
            var e = "ISPPORTAL_MAP_TILES";
            builder.Annotation("Npgsql:ValueGenerationStrategy", 1);
            public const string CacheKey = "dashboard";
            """;

        var read = SettingsReadBy(code, isCode: true);

        Assert.Equal(
            ["Billing__InvoiceDay", "ConnectionStrings__Reports", "ISPPORTAL_MAP_TILES", "Network__PollSeconds", "PAYMENT_GATEWAY_URL", "Settings__TimeZone", "Smtp__", "WhatsApp__"],
            read.Order(StringComparer.Ordinal));
    }

    // What the app reads, found mechanically, in environment-variable form (Section__Key): in the
    // app's projects and run.sh, ISPPORTAL_* names and GetEnvironmentVariable("…"); in its code,
    // configuration["…"], GetValue/GetSection("…"), GetConnectionString("…"), constants named *Key
    // holding "Section:Key" and constants named *Section/*SectionName (options classes); and every
    // key of its appsettings*.json. Settings read through other names escape it: keep to these.
    private static HashSet<string> SettingsTheAppReads()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal) { "ConnectionStrings__Default" };
        var sources = _appProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(_repository, project), "*", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file) && Path.GetExtension(file) is ".cs" or ".razor" or ".json" or ".sh")
            .Append(Path.Combine(_repository, "run.sh"));
        foreach (var file in sources)
        {
            settings.UnionWith(SettingsReadBy(File.ReadAllText(file), isCode: Path.GetExtension(file) is ".cs" or ".razor"));
        }

        foreach (var appSettings in Directory.EnumerateFiles(Path.Combine(_repository, "IspPortal.Web"), "appsettings*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(appSettings));
            settings.UnionWith(Keys(json.RootElement, prefix: null));
        }

        settings.ExceptWith(_systemVariables);
        return settings;
    }

    private static HashSet<string> SettingsReadBy(string text, bool isCode)
    {
        static string Setting(Match match) => match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal);
        var settings = IspPortalVariable().Matches(text).Select(match => match.Value)
            .Concat(EnvironmentVariableRead().Matches(text).Select(match => match.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        if (isCode)
        {
            settings.UnionWith(ConfigurationKeyRead().Matches(text).Select(Setting));
            settings.UnionWith(ConfigurationKeyConstant().Matches(text).Select(Setting));
            settings.UnionWith(ConfigurationSectionRead().Matches(text).Select(match => Setting(match) + "__"));
            settings.UnionWith(ConfigurationSectionConstant().Matches(text).Select(match => Setting(match) + "__"));
            settings.UnionWith(ConnectionStringRead().Matches(text).Select(match => $"ConnectionStrings__{match.Groups[1].Value}"));
        }

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

    [GeneratedRegex(@"(?:[Cc]onfig(?:uration)?\s*\[\s*|\bGetValue<[^>]+>\(\s*)""([^""]+)""")]
    private static partial Regex ConfigurationKeyRead();

    [GeneratedRegex(@"\b(?:GetSection|GetRequiredSection)\(\s*""([^""]+)""")]
    private static partial Regex ConfigurationSectionRead();

    [GeneratedRegex(@"\bconst\s+string\s+\w*Key\s*=\s*""([A-Za-z][\w.]*(?::[A-Za-z][\w.]*)+)""")]
    private static partial Regex ConfigurationKeyConstant();

    [GeneratedRegex(@"\bconst\s+string\s+\w*Section(?:Name)?\s*=\s*""([A-Za-z][\w.:]*)""")]
    private static partial Regex ConfigurationSectionConstant();

    [GeneratedRegex(@"GetConnectionString\(\s*""([^""]+)""")]
    private static partial Regex ConnectionStringRead();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex(@"^\s*(?:#\s*)?([A-Za-z_][A-Za-z0-9_.]*)=")]
    private static partial Regex DocumentedSetting();
}
