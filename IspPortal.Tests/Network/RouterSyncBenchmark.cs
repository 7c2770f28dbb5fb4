using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using IspPortal.Tests.Support;
using Xunit.Abstractions;

namespace IspPortal.Tests.Network;

/// <summary>
/// Issue 20: 50 simulated routers × 2,000 live sessions (100,000 customers), the simulators in this
/// process. The first sync changes every customer (100,000 status-log rows): target 5 s; a second
/// with nothing changed: target 1.5 s. Also prints the floor (the same router reads with no
/// database). Run with:
/// dotnet test IspPortal.Tests -c Release --filter "FullyQualifiedName~RouterSyncBenchmark" --logger "console;verbosity=detailed"
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
[Collection(RouterSyncBench.Collection)]
public sealed class RouterSyncBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Routers = 50;
    private const int SessionsPerRouter = 2_000;
    private readonly RouterSyncBench _bench = new(portal, output, Routers, SessionsPerRouter);

    public Task InitializeAsync() => _bench.StartAsync();

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task Sync_of_50_routers_with_2000_sessions_each()
    {
        output.WriteLine($"routers: {Routers}, sessions per router: {SessionsPerRouter}, customers: {_bench.Customers:N0}");
        var (first, firstTime, firstLogs) = await _bench.SyncAsync("first sync (every customer changes)");
        var (second, secondTime, secondLogs) = await _bench.SyncAsync("second sync (no change)");
        var floors = new List<TimeSpan>();
        for (var run = 0; run < 3; run++)
            floors.Add(await _bench.FloorAsync());
        output.WriteLine($"floor (every session and secret of the 50 routers read through our client, no database): " +
            $"{string.Join(", ", floors.Select(f => $"{f.TotalSeconds:F2} s"))}");
        output.WriteLine($"peak working set (test process, incl. the 50 simulators): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");

        var fullInTime = _bench.Report("sync_full_100k_s", firstTime, 5);
        var quietInTime = _bench.Report("sync_nochange_100k_s", secondTime, 1.5);

        Assert.Equal(Routers, first.Succeeded);
        Assert.Equal(_bench.Customers, first.CustomersChanged);
        Assert.Equal(_bench.Customers, firstLogs);
        Assert.Equal(Routers, second.Succeeded);
        Assert.Equal(0, second.CustomersChanged);
        Assert.Equal(0, secondLogs);
        Assert.True(fullInTime, $"The full sync took {firstTime.TotalSeconds:F2} s (target 5 s).");
        Assert.True(quietInTime, $"The sync with no change took {secondTime.TotalSeconds:F2} s (target 1.5 s).");
    }
}

/// <summary>
/// "Hundreds of routers": 500 simulated routers × 200 live sessions (100,000 customers), where what
/// each router costs whatever its size (a login, four commands, a transaction) dominates. The first
/// sync changes every customer: target 5 s. Run with:
/// dotnet test IspPortal.Tests -c Release --filter "FullyQualifiedName~RouterSyncManyRoutersBenchmark" --logger "console;verbosity=detailed"
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
[Collection(RouterSyncBench.Collection)]
public sealed class RouterSyncManyRoutersBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Routers = 500;
    private const int SessionsPerRouter = 200;
    private readonly RouterSyncBench _bench = new(portal, output, Routers, SessionsPerRouter);

    public Task InitializeAsync() => _bench.StartAsync();

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task Sync_of_500_routers_with_200_sessions_each()
    {
        output.WriteLine($"routers: {Routers}, sessions per router: {SessionsPerRouter}, customers: {_bench.Customers:N0}");
        var (first, firstTime, firstLogs) = await _bench.SyncAsync("first sync (every customer changes)");
        var (second, _, secondLogs) = await _bench.SyncAsync("second sync (no change)");
        output.WriteLine($"floor (every session and secret read through our client, no database): {(await _bench.FloorAsync()).TotalSeconds:F2} s");

        var inTime = _bench.Report("sync_full_500routers_s", firstTime, 5);

        Assert.Equal(Routers, first.Succeeded);
        Assert.Equal(_bench.Customers, first.CustomersChanged);
        Assert.Equal(_bench.Customers, firstLogs);
        Assert.Equal(0, second.CustomersChanged);
        Assert.Equal(0, secondLogs);
        Assert.True(inTime, $"The full sync of {Routers} routers took {firstTime.TotalSeconds:F2} s (target 5 s).");
    }
}
