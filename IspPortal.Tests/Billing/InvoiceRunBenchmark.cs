using System.Diagnostics;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IspPortal.Tests.Billing;

/// <summary>
/// The monthly invoice run for 100,000 customers (target: under 30 s): invoices per second and the
/// memory the run needs. Run with: dotnet test --filter "FullyQualifiedName~InvoiceRunBenchmark" --logger "console;verbosity=detailed".
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class InvoiceRunBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int Customers = 100_000;
    private const double TargetSeconds = 30;

    [Fact]
    public async Task Invoice_run_for_100k_customers()
    {
        await SeedAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var month = (await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync()).AddMonths(1);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        using var peak = new PeakMemory();

        var watch = Stopwatch.StartNew();
        var outcome = await scope.ServiceProvider.GetRequiredService<GenerateInvoices>().ExecuteAsync(month, BillingRunTrigger.Manual);
        watch.Stop();

        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal(Customers, outcome.Value!.Created);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"invoice run: {Customers:N0} customers → {outcome.Value.Created:N0} invoices (+ as many lines) in {watch.Elapsed.TotalSeconds:N2} s");
        output.WriteLine($"rate: {outcome.Value.Created / watch.Elapsed.TotalSeconds:N0} invoices/s, batches of {GenerateInvoices.BatchSize:N0}");
        output.WriteLine($"memory: managed heap peak {peak.ManagedPeak / 1024 / 1024:N0} MiB, working set {workingSetBefore / 1024 / 1024:N0} → peak {peak.WorkingSetPeak / 1024 / 1024:N0} MiB, allocated {allocated / 1024 / 1024:N0} MiB during the run");
        output.WriteLine(Bench.Line("invoice_run_100k_s", watch.Elapsed.TotalSeconds, "s", TargetSeconds));
        Assert.True(watch.Elapsed.TotalSeconds < TargetSeconds, $"{watch.Elapsed.TotalSeconds:F2} s");
        await using (var db = portal.Database.CreateDbContext())
        {
            var notices = await db.OutboxMessages.CountAsync(m => m.Template == "invoice_issued");
            output.WriteLine($"invoice notices queued in the same batches: {notices:N0}");
            Assert.True(notices >= Customers, $"{notices} notices for {Customers} invoices");
            var entries = await db.JournalEntries.CountAsync(e => e.SourceType == Core.Finance.Ledger.JournalSource.Invoice);
            var lines = await db.JournalLines.CountAsync();
            output.WriteLine($"ledger: {entries:N0} invoice entries with {lines:N0} lines posted in the same batches");
            Assert.Equal(outcome.Value.Created, entries);
        }

        var repeat = Stopwatch.StartNew();
        var again = await scope.ServiceProvider.GetRequiredService<GenerateInvoices>().ExecuteAsync(month, BillingRunTrigger.Manual);
        output.WriteLine($"second run (everything invoiced): created {again.Value!.Created}, skipped {again.Value.Skipped:N0} in {repeat.Elapsed.TotalSeconds:N2} s");
        Assert.Equal(0, again.Value.Created);
    }

    private async Task SeedAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        await BenchmarkCustomers.InsertAsync(db, Customers, registeredDaysAgo: 60);
    }

    /// <summary>Samples the managed heap and the working set while the run goes on.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;

        public PeakMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        public long ManagedPeak { get; private set; }

        public long WorkingSetPeak { get; private set; }

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }

        private void Sample()
        {
            ManagedPeak = Math.Max(ManagedPeak, GC.GetTotalMemory(false));
            WorkingSetPeak = Math.Max(WorkingSetPeak, Environment.WorkingSet);
        }
    }
}
