using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network.Isolation;
using IspPortal.Tests.Network;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IspPortal.Tests.Platform;

/// <summary>
/// Issue 20: 300 Blazor Server circuits open at once, half on the dashboard and half on the live
/// map of 5,000 subscribers on 10 simulated routers, while NOC operators isolate customers at a
/// steady rate (open loop: each isolation starts on its schedule, whether or not earlier ones are
/// done). For every change and every circuit it measures the time from the change's publication
/// (the isolation saved, applied on the router and announced on the live bus: the use case
/// returned) until that circuit received what shows it: on the map the JavaScript call that moves
/// the customer's marker and sets the legend's counts, on the dashboard the render batch that
/// carries the new count of active customers. Prints the p95 (target 100 ms) and the managed memory
/// each open circuit holds. The circuits are <see cref="CircuitClient"/>s: the browser's half of the
/// protocol, without a browser, in this process and on the same two cores as the portal. Run with:
/// dotnet test IspPortal.Tests -c Release --filter "FullyQualifiedName~CircuitLoadBenchmark" --logger "console;verbosity=detailed"
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
[Collection(RouterSyncBench.Collection)]
public sealed class CircuitLoadBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Circuits = 300;
    private const int Routers = 10;
    private const int SessionsPerRouter = 500;
    private const int ChangesPerSecond = 4;
    private const int Changes = 100;
    private const int WarmUpChanges = 8;
    private const double TargetP95Ms = 100;

    /// <summary>Our budget (the issue asks only for the figure): 300 open screens within 600 MiB of an instance's heap.</summary>
    private const double TargetKbPerCircuit = 2_048;

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private readonly RouterSyncBench _network = new(portal, output, Routers, SessionsPerRouter);

    /// <summary>How many measured changes have started: the clients look only for those (the driver's work is on the same two cores).</summary>
    private int _started;

    public Task InitializeAsync() => _network.StartAsync();

    public async Task DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task Three_hundred_circuits_follow_changes_on_the_dashboard_and_the_map()
    {
        await _network.SyncAsync("first sync (every subscriber comes online)");
        List<string> codes;
        await using (var db = portal.Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE customers SET latitude = -6.3 + (id % 100) * 0.002, longitude = 106.7 + (id / 100 % 100) * 0.002");
            // Changes round the routers, one customer each, so every change is a router command and a marker of its own.
            codes = await db.Customers.OrderBy(c => c.Id % Routers).ThenBy(c => c.Id).Select(c => c.Code).ToListAsync();
            codes = [.. Enumerable.Range(0, WarmUpChanges + Changes).Select(k => codes[(k % Routers) * SessionsPerRouter + k / Routers])];
        }
        var warmUp = codes[..WarmUpChanges];
        codes = codes[WarmUpChanges..];
        // After change k the dashboard's "Aktif" tile reads this (as the page formats it).
        var activeAfter = Enumerable.Range(0, Changes)
            .Select(k => Encoding.UTF8.GetBytes((_network.Customers - WarmUpChanges - k - 1).ToString("#,0", CultureInfo.GetCultureInfo("id-ID")))).ToArray();
        var cookies = new CookieContainer();
        using var pages = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        using (var signIn = await PortalUsers.PostLoginAsync(pages, await portal.EnsureUserAsync(Roles.Noc), PortalUsers.Password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var published = new long[Changes];
        var arrived = new long[Circuits, Changes];
        var circuits = new CircuitClient[Circuits];
        var memoryBefore = ManagedMemory();
        var opening = Stopwatch.StartNew();
        try
        {
            using var open = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            // Dashboards first, then maps, with the heap measured after each: what a circuit of each kind holds.
            var heap = new List<long> { memoryBefore };
            foreach (var onMap in new[] { false, true })
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, Circuits).Where(i => IsMap(i) == onMap), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = open.Token }, async (i, token) =>
                {
                    circuits[i] = await CircuitClient.OpenAsync(pages, cookies, new Uri(onMap ? "network/map" : "dashboard", UriKind.Relative), MapModule, token);
                    if (onMap)
                        FollowMap(circuits[i], i, codes, arrived);
                    else
                        FollowDashboard(circuits[i], i, activeAfter, arrived);
                });
                heap.Add(ManagedMemory());
            }
            output.WriteLine($"{Circuits} circuits opened in {opening.Elapsed.TotalSeconds:F1} s ({Circuits / 2} on /dashboard, {Circuits / 2} on /network/map with {_network.Customers:N0} markers each)");
            output.WriteLine($"managed heap a circuit holds: dashboard {(heap[1] - heap[0]) / 1024.0 / (Circuits / 2):F0} KB, map {(heap[2] - heap[1]) / 1024.0 / (Circuits / 2):F0} KB");
            var memoryOpen = heap[2];
            var perCircuitKb = (memoryOpen - memoryBefore) / 1024.0 / Circuits;

            // The first isolations pay for JIT and cold caches on every path; the measured ones start once every circuit showed them.
            var seenBefore = circuits.Select(c => c.RenderBatches + c.JsCalls).ToArray();
            foreach (var code in warmUp)
                await IsolateAsync(code);
            await Eventually.TrueAsync(() => circuits.Select((c, i) => c.RenderBatches + c.JsCalls > seenBefore[i]).All(shown => shown), TimeSpan.FromSeconds(30));

            await PrintDashboardReadAsync();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var schedule = Stopwatch.GetTimestamp();
            var isolations = new List<Task>();
            for (var k = 0; k < Changes; k++)
            {
                var due = TimeSpan.FromSeconds((double)k / ChangesPerSecond);
                if (due > Stopwatch.GetElapsedTime(schedule))
                    await Task.Delay(due - Stopwatch.GetElapsedTime(schedule));
                var change = k;
                Volatile.Write(ref _started, k + 1);
                isolations.Add(Task.Run(async () =>
                {
                    await IsolateAsync(codes[change]);
                    published[change] = Stopwatch.GetTimestamp();
                }));
            }
            await Task.WhenAll(isolations);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            output.WriteLine($"test process CPU while changes flowed: {cpu.TotalSeconds:F1} s in {Stopwatch.GetElapsedTime(schedule).TotalSeconds:F1} s on {Environment.ProcessorCount} cores (portal, circuits' clients, simulators)");
            var settled = Stopwatch.StartNew();
            while (Missing(arrived) > 0 && settled.Elapsed < Settle && circuits.All(c => c.Failure is null))
                await Task.Delay(100);

            var failures = circuits.Where(c => c.Failure is not null).Select(c => c.Failure).Distinct().ToList();
            var latencies = Latencies(published, arrived);
            PrintKinds(latencies);
            var samples = latencies.SelectMany(l => l).Order().ToList();
            Report(samples, perCircuitKb, memoryOpen - memoryBefore, failures, Missing(arrived));
            Assert.Empty(failures);
            Assert.Equal(0, Missing(arrived));
            var p95 = Bench.Percentile(samples, 95);
            Assert.True(p95 < TargetP95Ms, $"p95 from a change to its render {p95:F1} ms (target {TargetP95Ms} ms)");
            Assert.True(perCircuitKb < TargetKbPerCircuit, $"{perCircuitKb:F0} KB a circuit (target {TargetKbPerCircuit} KB)");
        }
        finally
        {
            await Task.WhenAll(circuits.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static bool IsMap(int circuit) => circuit % 2 == 1;

    /// <summary>What one read of the dashboard's numbers costs alone: the floor of a dashboard's reaction.</summary>
    private async Task PrintDashboardReadAsync()
    {
        var reads = new List<double>();
        await using var scope = portal.Services.CreateAsyncScope();
        var summary = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Reports.Dashboard.DashboardSummary>();
        for (var i = 0; i < 21; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await summary.LoadAsync();
            reads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the dashboard's numbers, read alone: median {reads.Order().ElementAt(10):F1} ms"));
    }

    /// <summary>The live map's own module: what its calls return in a browser.</summary>
    private static string? MapModule(string identifier, string argsJson) => identifier switch
    {
        "setMarkers" or "update" => "0",
        "flyTo" => "false",
        _ => null,
    };

    /// <summary>The map shows change k when its module is told to move customer k's marker.</summary>
    private void FollowMap(CircuitClient circuit, int index, List<string> codes, long[,] arrived)
    {
        circuit.JsCalled += (identifier, args, at) =>
        {
            if (identifier != "update")
                return;
            for (var k = 0; k < Volatile.Read(ref _started); k++)
            {
                if (arrived[index, k] == 0 && args.Contains($"\"{codes[k]}\"", StringComparison.Ordinal))
                    arrived[index, k] = at;
            }
        };
    }

    /// <summary>Each isolation takes one customer out of "Aktif": a render that shows the count after change k shows k and every earlier one.</summary>
    private void FollowDashboard(CircuitClient circuit, int index, byte[][] activeAfter, long[,] arrived)
    {
        circuit.Rendered += (batch, at) =>
        {
            for (var k = Volatile.Read(ref _started) - 1; k >= 0 && arrived[index, k] == 0; k--)
            {
                if (batch.AsSpan().IndexOf(activeAfter[k]) < 0)
                    continue;
                for (var earlier = k; earlier >= 0 && arrived[index, earlier] == 0; earlier--)
                    arrived[index, earlier] = at;
                return;
            }
        };
    }

    /// <summary>Per circuit, from each change's publication to its render; a render that beat the use case's return counts as 0.</summary>
    private static List<double>[] Latencies(long[] published, long[,] arrived) =>
        [.. Enumerable.Range(0, Circuits).Select(i => Enumerable.Range(0, Changes)
            .Where(k => arrived[i, k] != 0)
            .Select(k => Math.Max(0, Stopwatch.GetElapsedTime(published[k], arrived[i, k]).TotalMilliseconds)).ToList())];

    private readonly List<double> _isolationMs = [];

    private async Task IsolateAsync(string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        var isolated = await scope.ServiceProvider.GetRequiredService<CustomerIsolation>().IsolateAsync(code, "Tunggakan", StatusChangeSource.User);
        lock (_isolationMs)
            _isolationMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Assert.True(isolated.Succeeded && isolated.Value!.AppliedOnRouter, isolated.FirstError);
    }

    private void Report(List<double> samples, double perCircuitKb, long heapDelta, List<string?> failures, int missing)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Changes} isolations at {ChangesPerSecond}/s, each awaited on {Circuits} circuits: {samples.Count:N0} renders measured, {missing} missing, {failures.Count} circuit failures {string.Join("; ", failures)}"));
        if (samples.Count > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"change to render: p50 {Bench.Percentile(samples, 50):F1}  p95 {Bench.Percentile(samples, 95):F1}  p99 {Bench.Percentile(samples, 99):F1}  max {samples.Max():F1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"managed heap with the circuits open: +{heapDelta / 1024.0 / 1024.0:F1} MiB, {perCircuitKb:F0} KB a circuit (server state and this client's end of each connection); working set {Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024:N0} MiB"));
        output.WriteLine(Bench.Line("circuit_change_to_render_p95_ms", samples.Count > 0 ? Bench.Percentile(samples, 95) : double.NaN, "ms", TargetP95Ms));
        output.WriteLine(Bench.Line("circuit_memory_kb", perCircuitKb, "KB", TargetKbPerCircuit));
    }

    private void PrintKinds(List<double>[] latencies)
    {
        foreach (var (kind, map) in new[] { ("dashboard", false), ("map", true) })
        {
            var kindSamples = Enumerable.Range(0, Circuits).Where(i => IsMap(i) == map).SelectMany(i => latencies[i]).Order().ToList();
            if (kindSamples.Count > 0)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kind,-9} p50 {Bench.Percentile(kindSamples, 50):F1}  p95 {Bench.Percentile(kindSamples, 95):F1}  max {kindSamples.Max():F1} ms"));
        }
        var isolations = _isolationMs.Skip(WarmUpChanges).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the isolation itself (router command, kick, save, publish): p50 {Bench.Percentile(isolations, 50):F1}  p95 {Bench.Percentile(isolations, 95):F1}  max {isolations.Max():F1} ms"));
    }

    private static long ManagedMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int Missing(long[,] arrived) => arrived.Cast<long>().Count(at => at == 0);
}
