using System.Diagnostics;
using System.Globalization;
using System.Net;
using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Network;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IspPortal.Tests.Network;

/// <summary>
/// What the router sync benchmarks share: in-process simulators with every secret online, the
/// portal's routers, customers and secrets named as the simulators name theirs (seeded by SQL), a
/// timed <see cref="SyncAllRouters"/> run, the floor (the same prints read through our client with
/// no database), and the BENCH lines.
/// </summary>
public sealed class RouterSyncBench(PortalFactory portal, ITestOutputHelper output, int routers, int sessionsPerRouter) : IAsyncDisposable
{
    /// <summary>One at a time: two benchmarks sharing the two cores would measure each other.</summary>
    public const string Collection = "Router sync benchmarks";
    private const string Password = "Bench#2025";
    private readonly List<RouterOsSimulator> _simulators = [];

    public int Customers => routers * sessionsPerRouter;

    public async Task StartAsync()
    {
        var simulators = await Task.WhenAll(Enumerable.Range(0, routers).Select(i => Task.Run(async () =>
        {
            var simulator = new RouterOsSimulator(new RouterOsSimulatorOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Password = Password,
                Identity = Code(i),
                SecretPrefix = Code(i),
                Secrets = sessionsPerRouter,
                Active = sessionsPerRouter,
            });
            await simulator.StartAsync();
            return simulator;
        })));
        _simulators.AddRange(simulators);
        await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_simulators.Select(s => s.DisposeAsync().AsTask()));
    }

    public async Task<(NetworkSyncSummary Summary, TimeSpan Elapsed, long StatusLogs)> SyncAsync(string label)
    {
        var logsBefore = await CountLogsAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var summary = await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
        watch.Stop();
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var logs = await CountLogsAsync() - logsBefore;
        output.WriteLine($"{label}: {watch.Elapsed.TotalSeconds:F2} s, {summary.Succeeded} routers ok, {summary.CustomersChanged:N0} customers changed, " +
            $"{logs:N0} status-log rows; test process CPU {processCpu.TotalSeconds:F2} s (client, simulators, EF; PostgreSQL is another process)");
        return (summary, watch.Elapsed, logs);
    }

    /// <summary>
    /// The sync's router reads alone, through our client with the sync's parallelism and no database:
    /// every session (name, address, uptime) and every secret, the most a sync ever reads.
    /// </summary>
    public async Task<TimeSpan> FloorAsync()
    {
        var gateway = portal.Services.GetRequiredService<IRouterGateway>();
        var watch = Stopwatch.StartNew();
        var rows = 0;
        await Parallel.ForEachAsync(_simulators, new ParallelOptions { MaxDegreeOfParallelism = SyncAllRouters.DefaultParallelism }, async (simulator, token) =>
        {
            var connection = await gateway.OpenAsync(new RouterEndpoint("127.0.0.1", simulator.Port, false, null, "admin", Password), token);
            var count = 0;
            await foreach (var _ in connection.GetSessionsAsync(properties: ["name", "address", "uptime"], cancellationToken: token))
                count++;
            await foreach (var _ in connection.GetSecretsAsync(new RouterSecretQuery(Properties: SecretProvisioning.ComparedProperties), token))
                count++;
            Interlocked.Add(ref rows, count);
        });
        Assert.Equal(Customers * 2, rows);
        return watch.Elapsed;
    }

    /// <summary>Prints <c>BENCH name value s target t</c>; the caller asserts after printing every figure.</summary>
    public bool Report(string name, TimeSpan elapsed, double targetSeconds)
    {
        var line = Bench.Line(name, elapsed.TotalSeconds, "s", targetSeconds);
        output.WriteLine(line);
        Console.WriteLine(line);
        return elapsed.TotalSeconds < targetSeconds;
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
        for (var i = 0; i < routers; i++)
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
                SELECT r.id AS router_id, r.code AS router_code, g FROM routers r, generate_series(0, {sessionsPerRouter - 1}) g WHERE r.code LIKE 'BM%'),
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
