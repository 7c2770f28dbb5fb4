using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace IspPortal.Tests.Platform;

/// <summary>
/// The REST API under load over real HTTP at 100,000 customers and their invoices: an open-loop
/// driver sends 200 requests a second (each on its schedule, whether or not earlier ones have
/// answered; latency counts from the scheduled moment, so a stall is not hidden) in a mix of
/// customer searches, customer lookups by code, a customer's invoices and new tickets.
/// Run with: dotnet test --filter "FullyQualifiedName~ApiLoadBenchmark" (prints the figures).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class ApiLoadBenchmark(ApiLoadBenchmark.LoadPortal portal, ITestOutputHelper output) : IClassFixture<ApiLoadBenchmark.LoadPortal>
{
    private const int Customers = 100_000;
    private const int Routers = 20;
    private const int RequestsPerSecond = 200;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(25);
    private const double TargetP95Ms = 50;

    /// <summary>The portal with its rate limits raised through their settings: every request comes from one address and one key.</summary>
    public sealed class LoadPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:PerAddressPerMinute", "1000000");
            builder.UseSetting("RateLimits:ApiPerKeyPerMinute", "1000000");
        }
    }

    private sealed record Sample(string Kind, double Ms, bool Failed);

    [Fact]
    public async Task Api_at_200_requests_a_second()
    {
        await BenchmarkCustomers.InsertSearchableAsync(portal, Customers, Routers);
        await using (var db = portal.Database.CreateDbContext())
            await BenchmarkCustomers.InsertInvoicesAsync(db, new DateOnly(2026, 11, 1));
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", await portal.IssueApiKeyAsync(Permissions.CustomersRead, Permissions.BillingRead, Permissions.TicketsWrite));

        var idleCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var idle = Stopwatch.StartNew();
        using (var second = new PeriodicTimer(TimeSpan.FromSeconds(2)))
            await second.WaitForNextTickAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle: {(Process.GetCurrentProcess().TotalProcessorTime - idleCpu).TotalMilliseconds / idle.Elapsed.TotalSeconds:F0} ms CPU a second in this process with no requests; {Environment.ProcessorCount} cores"));
        await OneAtATimeAsync(client, print: false);
        await OneAtATimeAsync(client, print: true);
        await RunAsync(client, WarmUp);
        var watch = Stopwatch.StartNew();
        var samples = await RunAsync(client, Measured);
        var elapsed = watch.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Customers:N0} customers, {Customers:N0} invoices; {RequestsPerSecond} requests/s open loop for {Measured.TotalSeconds:F0} s after a {WarmUp.TotalSeconds:F0} s warm-up; machine shared"));
        foreach (var kind in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind.Key,-34} n={kind.Count(),5}  p50 {Percentile(kind, 50),6:F1}  p95 {Percentile(kind, 95),6:F1}  p99 {Percentile(kind, 99),6:F1} ms  errors {kind.Count(s => s.Failed)}"));
        var errors = samples.Count(s => s.Failed);
        var p95 = Percentile(samples, 95);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all: n={samples.Count}  p50 {Percentile(samples, 50):F1}  p95 {p95:F1}  p99 {Percentile(samples, 99):F1}  max {samples.Max(s => s.Ms):F1} ms  errors {errors}  throughput {samples.Count / elapsed.TotalSeconds:F1} requests/s"));
        output.WriteLine(Support.Bench.Line("api_p95_200rps_ms", p95, "ms", TargetP95Ms));
        Assert.Equal(0, errors);
        Assert.True(p95 < TargetP95Ms, $"p95 {p95:F1} ms");
    }

    // Each kind alone, one request after another: its latency without queueing, and the test process's
    // CPU time per request (the portal and this driver; PostgreSQL's own processes are not in it).
    private async Task OneAtATimeAsync(HttpClient client, bool print)
    {
        foreach (var kind in Enumerable.Range(0, 10).GroupBy(i => Request(i).Kind))
        {
            var indexes = Enumerable.Range(0, 400).Where(i => kind.Contains(i % 10)).Take(40).ToList();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var i in indexes)
            {
                var (name, request) = Request(i);
                using (request)
                using (var response = await client.SendAsync(request))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {body}");
                }
            }
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / indexes.Count;
            if (print)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"one at a time: {kind.Key,-34} {watch.Elapsed.TotalMilliseconds / indexes.Count,6:F1} ms each, {cpuMs,5:F1} ms CPU in this process"));
        }
    }

    // Sends request i at start + i / rate, without waiting for earlier answers.
    private static async Task<List<Sample>> RunAsync(HttpClient client, TimeSpan duration)
    {
        var total = (int)(duration.TotalSeconds * RequestsPerSecond);
        var samples = new ConcurrentBag<Sample>();
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * RequestsPerSecond) + 1);
            for (; sent < due; sent++)
                running.Add(SendAsync(client, sent, clock, TimeSpan.FromSeconds((double)sent / RequestsPerSecond), samples));
            await ticks.WaitForNextTickAsync();
        }
        await Task.WhenAll(running);
        return [.. samples];
    }

    private static async Task SendAsync(HttpClient client, int i, Stopwatch clock, TimeSpan scheduled, ConcurrentBag<Sample> samples)
    {
        var (kind, request) = Request(i);
        var failed = true;
        try
        {
            using (request)
            using (var response = await client.SendAsync(request))
            {
                await response.Content.LoadIntoBufferAsync();
                failed = !response.IsSuccessStatusCode;
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }
        samples.Add(new Sample(kind, (clock.Elapsed - scheduled).TotalMilliseconds, failed));
    }

    // The mix: 40% searches (name part, phone as typed, code part, PPPoE username), 30% one customer by
    // code, 20% a customer's invoices, 10% new tickets. Codes and phones spread over all customers.
    private static (string Kind, HttpRequestMessage Request) Request(int i)
    {
        var n = (i * 7919) % Customers;
        var code = string.Create(CultureInfo.InvariantCulture, $"BNC-BR{(char)('A' + n % Routers)}-{n / Routers:D4}");
        string[] names = ["wati sapu", "budi wij", "sri raha", "hadi kurn"];
        return (i % 10) switch
        {
            0 or 1 => ("GET /api/customers?search=name", Get($"api/customers?search={Uri.EscapeDataString(names[i % names.Length])}")),
            2 => ("GET /api/customers?search=phone", Get(string.Create(CultureInfo.InvariantCulture, $"api/customers?search=0812{n:D8}"))),
            3 => ("GET /api/customers?search=code|user", Get(i % 20 < 10
                ? $"api/customers?search={Uri.EscapeDataString(code[4..])}"
                : string.Create(CultureInfo.InvariantCulture, $"api/customers?search=br{(char)('a' + n % Routers)}{100 + n / Routers % 900}"))),
            4 or 5 or 6 => ("GET /api/customers/{code}", Get($"api/customers/{Uri.EscapeDataString(code)}")),
            7 or 8 => ("GET /api/invoices?search={code}", Get($"api/invoices?search={Uri.EscapeDataString(code)}")),
            _ => ("POST /api/tickets", new HttpRequestMessage(HttpMethod.Post, new Uri("api/tickets", UriKind.Relative))
            {
                Content = JsonContent.Create(new { customerCode = code, subject = "Internet lambat", description = "Sejak sore", channel = "phone" }),
            }),
        };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    private static double Percentile(IEnumerable<Sample> samples, int percentile) =>
        Bench.Percentile([.. samples.Select(s => s.Ms).Order()], percentile);
}
