using System.Diagnostics;
using IspPortal.Infrastructure.Demo;
using IspPortal.Tests.Support;
using Npgsql;

namespace IspPortal.Tests.Platform;

/// <summary>The verbs the published portal answers, run as a real process against an empty database.</summary>
public sealed class PortalCommandTests : IAsyncLifetime
{
    private string _database = "";
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var cluster = await TestPostgres.ClusterAsync();
        _database = $"verbs_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(_database);
        _connectionString = cluster.ConnectionString(_database);
    }

    public async Task DisposeAsync() => await (await TestPostgres.ClusterAsync()).DropDatabaseAsync(_database);

    [Fact]
    public async Task Migrate_creates_the_schema_in_an_empty_database_and_exits_0()
    {
        var (exitCode, output) = await RunPortalAsync("migrate");

        Assert.True(exitCode == 0, output);
        Assert.Equal(27L, await CountAsync("""
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname = ANY(ARRAY[
              'users','customers','routers','location_codes','pppoe_secrets','service_packages','customer_registrations',
              'invoices','payments','expenses','income','assets','investments','tickets','ticket_comments','ticket_activities',
              'notification_logs','whatsapp_messages','router_logs','router_pools','customer_location_history',
              'customer_status_logs','ticket_categories','ticket_escalations','audit_logs','settings','router_pool_members'])
            """));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Seed_demo_seeds_the_demo_isp_once_however_often_it_runs()
    {
        var first = await RunPortalAsync("seed-demo");
        var customersAfterFirst = await CountAsync("SELECT count(*) FROM customers");
        var second = await RunPortalAsync("seed-demo");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(DemoNetwork.CustomerCount, customersAfterFirst);
        Assert.Equal(customersAfterFirst, await CountAsync("SELECT count(*) FROM customers"));
        Assert.Equal(DemoSeeder.DemoUsers.Count, await CountAsync("SELECT count(*) FROM users"));
        Assert.Equal(6L, await CountAsync("SELECT count(DISTINCT r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id"));
    }

    [Fact]
    public async Task Seed_demo_is_refused_in_production()
    {
        var (exitCode, output) = await RunPortalAsync("seed-demo", "Production");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Demo__Enabled", output, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = 'customers'"));
    }

    // The demo is seeded outside Production (run.sh runs it as "Demo"); migrating needs no secrets.
    private async Task<(int ExitCode, string Output)> RunPortalAsync(string verb, string? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IspPortal.Web.dll"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Default"] = _connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment ?? (verb == "seed-demo" ? "Demo" : "Production");
        start.Environment["ISPPORTAL_DEMO_PASSWORD"] = "Demo#2025";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
