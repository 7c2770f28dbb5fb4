using System.Diagnostics.CodeAnalysis;
using System.Diagnostics;
using System.Globalization;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Infrastructure.Network.RouterOs;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace IspPortal.Tests.Network;

/// <summary>
/// Our RouterOS client against the in-process simulator over loopback: 200 <c>add</c> then 200
/// <c>remove</c> sent one after another (target: 40 ms, a round trip under 0.1 ms), and a read of
/// 2,000 secrets plus 1,500 active sessions (target: 40 ms). Warms up for a few seconds (tiered JIT),
/// then reports the median of several runs. Run with:
/// dotnet test IspPortal.Tests -c Release --filter "FullyQualifiedName~RouterOsClientBenchmark" --logger "console;verbosity=detailed"
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync.")]
public sealed class RouterOsClientBenchmark(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "Bench#2025";
    private const int Commands = 200;
    private const int Runs = 9;
    private const double TargetMs = 40;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private RouterOsSimulator _simulator = null!;
    private RouterGateway _gateway = null!;
    private IRouterConnection _router = null!;

    public async Task InitializeAsync()
    {
        _simulator = new RouterOsSimulator(new RouterOsSimulatorOptions { Password = Password, Secrets = 2_000, Active = 1_500 });
        await _simulator.StartAsync();
        _gateway = new RouterGateway(Options.Create(new RouterOsOptions()), TimeProvider.System, NullLogger<RouterGateway>.Instance);
        _router = await _gateway.OpenAsync(new RouterEndpoint("127.0.0.1", _simulator.Port, false, null, "admin", Password));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Sequential_commands_and_big_reads_meet_their_targets()
    {
        var commands = await MedianAsync(AddAndRemoveAsync);
        var reads = await MedianAsync(ReadAllAsync);

        Assert.Equal(2_000, _simulator.Router.Secrets.Count);
        Report("routeros_client_400_commands_ms", commands);
        Report("routeros_client_read_3500_rows_ms", reads);
        Assert.True(commands < TargetMs, $"{Commands * 2} sequential commands took {commands:F1} ms (target {TargetMs} ms).");
        Assert.True(reads < TargetMs, $"Reading 3,500 rows took {reads:F1} ms (target {TargetMs} ms).");
    }

    private async Task AddAndRemoveAsync(int run)
    {
        var ids = new string[Commands];
        for (var i = 0; i < Commands; i++)
            ids[i] = await _router.AddSecretAsync(new NewRouterSecret($"BENCH{run}-{i}", "rahasia1", "10M", "benchmark"));
        for (var i = 0; i < Commands; i++)
            await _router.RemoveSecretAsync(ids[i]);
    }

    private async Task ReadAllAsync(int run)
    {
        var secrets = 0;
        await foreach (var _ in _router.GetSecretsAsync())
            secrets++;
        var sessions = 0;
        await foreach (var _ in _router.GetSessionsAsync())
            sessions++;
        Assert.Equal((2_000, 1_500), (secrets, sessions));
    }

    private static async Task<double> MedianAsync(Func<int, Task> work)
    {
        // Long enough for the JIT to finish its optimised compiles of the client, the simulator and their loops.
        var warming = Stopwatch.StartNew();
        for (var warmUp = 1; warmUp <= 5 || warming.Elapsed < WarmUp; warmUp++)
            await work(-warmUp);
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await work(run);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[Runs / 2];
    }

    private void Report(string name, double milliseconds)
    {
        var line = Bench.Line(name, milliseconds, "ms", TargetMs);
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
