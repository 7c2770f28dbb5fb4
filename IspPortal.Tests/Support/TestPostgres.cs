using System.Diagnostics;
using System.Globalization;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IspPortal.Tests.Support;

// One private PostgreSQL cluster per test run, started on first use, with a template database
// migrated once; every DatabaseFixture copies the template into a database of its own.
public static class TestPostgres
{
    public const string DataDirectoryVariable = "ISPPORTAL_TEST_DATA";
    public const string TemplateDatabase = "ispportal_template";

    private static readonly Lock _stopping = new();
    private static readonly Lazy<Task<LocalPostgresCluster>> _cluster = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly string? _configuredDataDirectory = Environment.GetEnvironmentVariable(DataDirectoryVariable);
    private static readonly string _dataDirectory = string.IsNullOrWhiteSpace(_configuredDataDirectory)
        ? Path.Combine(Path.GetTempPath(), $"ispportal-tests-{Environment.ProcessId}")
        : _configuredDataDirectory;

    public static Task<LocalPostgresCluster> ClusterAsync() => _cluster.Value;

    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await ClusterAsync();
        var name = $"t_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(name, TemplateDatabase);
        return name;
    }

    public static IConfiguration ConfigurationFor(string connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DependencyInjection.ConnectionStringName}"] = connectionString,
            })
            .Build();

    public static IspDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<IspDbContext>();
        DependencyInjection.ConfigureDatabase(options, ConfigurationFor(connectionString));
        return new IspDbContext(options.Options);
    }

    // Called when the run ends, by the test framework's disposal and by process exit, which can
    // overlap: the second caller waits for the first to finish.
    internal static void Stop()
    {
        lock (_stopping)
        {
            if (!_cluster.IsValueCreated || !_cluster.Value.IsCompletedSuccessfully)
            {
                return;
            }

            _cluster.Value.Result.Stop();
            if (string.IsNullOrWhiteSpace(_configuredDataDirectory) && Directory.Exists(_dataDirectory))
            {
                // The test host is killed soon after the run ends; rm outlives it, and what is
                // left anyway goes at the start of the next run (RemoveLeftoversOfEarlierRuns).
                using var removal = Process.Start("rm", ["-rf", _dataDirectory]);
            }
        }
    }

    private static async Task<LocalPostgresCluster> StartAsync()
    {
        RemoveLeftoversOfEarlierRuns();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = _dataDirectory,
            Port = 0,
            DisableDurability = true,
            MaxConnections = 300,
        });
        try
        {
            await CreateTemplateAsync(cluster);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }

    // Folders of runs whose test host was killed: a server still running there is asked to stop
    // (fast shutdown) and its folder goes on a later run; folders without a server go now.
    private static void RemoveLeftoversOfEarlierRuns()
    {
        const string prefix = "ispportal-tests-";
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[prefix.Length..], out var owner) || owner == Environment.ProcessId || IsRunning(owner))
            {
                continue;
            }

            var serverPidFile = Path.Combine(folder, "postgres", "data", "postmaster.pid");
            if (File.Exists(serverPidFile))
            {
                if (int.TryParse(File.ReadLines(serverPidFile).FirstOrDefault(), out var server) && IsRunning(server))
                {
                    using var fastShutdown = Process.Start("kill", ["-INT", server.ToString(CultureInfo.InvariantCulture)]);
                }

                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run is sweeping the same folder.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task CreateTemplateAsync(LocalPostgresCluster cluster)
    {
        // A reused data folder ($ISPPORTAL_TEST_DATA) may hold an older template and leftovers.
        await cluster.DropDatabaseAsync(TemplateDatabase);
        await cluster.CreateDatabaseAsync(TemplateDatabase);

        // No pooling: CREATE DATABASE ... TEMPLATE refuses while any connection to the template is open.
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(TemplateDatabase)) { Pooling = false }.ConnectionString;
        await using var db = CreateDbContext(connectionString);
        await db.Database.MigrateAsync();
    }
}
