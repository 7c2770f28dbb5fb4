using System.Diagnostics;
using System.Net;
using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IspPortal.Tests.Network;

/// <summary>
/// The target: 50 simulated routers × 2,000 live sessions (100,000 customers) synced end to
/// end with the database updated in under 10 s, and a second run with no changes in under 3 s.
/// Run with: dotnet test --filter Category=Benchmark (prints the figures).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class RouterSyncBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Routers = 50;
    private const int SessionsPerRouter = 2_000;
    private const string Password = "Bench#2025";
    private readonly List<RouterOsSimulator> _simulators = [];

    public async Task InitializeAsync()
    {
        for (var i = 0; i < Routers; i++)
        {
            var simulator = new RouterOsSimulator(new RouterOsSimulatorOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Password = Password,
                Identity = Code(i),
                SecretPrefix = Code(i),
                Secrets = SessionsPerRouter,
                Active = SessionsPerRouter,
            });
            await simulator.StartAsync();
            _simulators.Add(simulator);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var simulator in _simulators)
            await simulator.DisposeAsync();
    }

    [Fact]
    public async Task Sync_of_50_routers_with_2000_sessions_each()
    {
        await SeedAsync();
        var (first, firstTime, firstLogs) = await SyncAsync();
        var (second, secondTime, secondLogs) = await SyncAsync();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        output.WriteLine($"routers: {Routers}, sessions per router: {SessionsPerRouter}, customers: {Routers * SessionsPerRouter:N0}");
        output.WriteLine($"first sync:  {firstTime.TotalSeconds:F2} s, {first.Succeeded} routers ok, {first.CustomersChanged:N0} customers changed, {firstLogs:N0} status-log rows written");
        output.WriteLine($"second sync: {secondTime.TotalSeconds:F2} s, {second.CustomersChanged:N0} customers changed, {secondLogs:N0} status-log rows written");
        output.WriteLine($"peak working set (test process, incl. the 50 simulators): {peak / 1024 / 1024:N0} MiB");

        Assert.Equal(Routers, first.Succeeded);
        Assert.Equal(Routers * SessionsPerRouter, first.CustomersChanged);
        Assert.Equal(Routers * SessionsPerRouter, firstLogs);
        Assert.Equal(0, second.CustomersChanged);
        Assert.Equal(0, secondLogs);
    }

    private async Task<(NetworkSyncSummary Summary, TimeSpan Elapsed, long StatusLogs)> SyncAsync()
    {
        var logsBefore = await CountLogsAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var summary = await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
        watch.Stop();
        return (summary, watch.Elapsed, await CountLogsAsync() - logsBefore);
    }

    private async Task<long> CountLogsAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.CustomerStatusLogs.LongCountAsync();
    }

    private async Task SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var location = await services.GetRequiredService<SaveLocationCode>().ExecuteAsync(new LocationCodeInput(null, "BMK", "Benchmark", null, null));
        var package = await services.GetRequiredService<SaveServicePackage>().ExecuteAsync(new ServicePackageInput(null, "BENCH-10", "Bench", 10, 10, "10M", 100_000m, false, null));
        for (var i = 0; i < Routers; i++)
        {
            var saved = await services.GetRequiredService<SaveRouter>().ExecuteAsync(new RouterInput(null, Code(i), $"Bench {i}", location.Value!.Id, null,
                "127.0.0.1", _simulators[i].Port, false, null, "admin", Password, IsolationMethod.Profile, "isolir", null, null));
            Assert.True(saved.Succeeded, saved.FirstError);
        }

        // Customers and secrets named as the simulators name theirs (router code + 100…), inserted in bulk.
        await using var db = portal.Database.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await db.Database.ExecuteSqlAsync($"""
            WITH gen AS (
                SELECT r.id AS router_id, r.code AS router_code, g FROM routers r, generate_series(0, {SessionsPerRouter - 1}) g WHERE r.code LIKE 'BM%'),
            added AS (
                INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id,
                                       notifications_opt_out, isolation_exempt, credit_balance, registered_at, created_at, updated_at, router_id)
                SELECT 'BMK-' || router_code || '-' || (100 + g), 'Pelanggan ' || g, '+62812' || lpad((router_id * 10000 + g)::text, 8, '0'),
                       'Active', now(), 'Unknown', {package.Value!.Id}, {location.Value!.Id}, false, false, 0, now(), now(), now(), router_id
                FROM gen
                RETURNING id, router_id, code)
            INSERT INTO pppoe_secrets (router_id, customer_id, username, password_encrypted, profile, is_disabled, status, is_replica,
                                       provisioning_attempts, created_at, updated_at, provisioned_at)
            SELECT router_id, id, split_part(code, '-', 2) || split_part(code, '-', 3), 'not-read-by-the-sync', '10M', false, 'Provisioned', false, 1, now(), now(), now()
            FROM added
            """);
        await db.Database.ExecuteSqlRawAsync("ANALYZE customers; ANALYZE pppoe_secrets;");
    }

    private static string Code(int index) => $"BM{(char)('A' + index / 26)}{(char)('A' + index % 26)}";
}
