using System.Globalization;
using System.Net;
using IspPortal.Core.Common;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using IspPortal.Web.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Observability;

/// <summary>What /metrics serves once the demo's simulated routers were synced through the use case.</summary>
public sealed class MetricsAfterSyncTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>
{
    [Fact]
    public async Task A_sync_shows_each_routers_sync_duration_and_sessions_and_every_dashboard_metric_is_served()
    {
        NetworkSyncSummary summary;
        await using (var scope = portal.Services.CreateAsyncScope())
            summary = await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
        Assert.True(summary.Succeeded > 0, "the demo's simulated routers answer");
        List<string> routers;
        await using (var db = portal.Database.CreateDbContext())
            routers = await db.Routers.Where(r => r.IsActive).Select(r => r.Code).ToListAsync();
        // Metrics recorded only when their event happens (an invoice run, a payment, a breached SLA),
        // recorded here so the scrape shows the names they are exported under.
        var metrics = portal.Services.GetRequiredService<PortalMetrics>();
        metrics.InvoiceRunFinished(succeeded: true, TimeSpan.FromSeconds(3));
        metrics.PaymentConfirmed("Cash");
        metrics.SlaBreached("resolution", 1);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        (await client.GetAsync("health")).Dispose();

        var text = await client.GetStringAsync("metrics");

        foreach (var router in routers)
            Assert.Contains(Samples(text, PortalMetrics.RouterSyncDuration + "_count"), line => line.Contains($"router=\"{router}\"", StringComparison.Ordinal));
        var sessions = Samples(text, PortalMetrics.SessionsOnline).ToList();
        Assert.NotEmpty(sessions);
        Assert.True(sessions.Sum(Value) > 0, "the simulated routers have sessions online:\n" + string.Join('\n', sessions));
        // Presence only: test hosts running at the same time share the Meter's name, and the last
        // host's gauge callback gives an unlabelled gauge its value.
        Assert.NotEmpty(Samples(text, PortalMetrics.RoutersReachable));
        var missing = PortalTelemetry.DashboardMetrics.Where(name => !text.Contains($"# TYPE {name} ", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"/metrics does not serve {string.Join(", ", missing)}:\n{text}");
    }

    private static IEnumerable<string> Samples(string text, string name) =>
        text.Split('\n').Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal));

    private static double Value(string sample)
    {
        // name{labels} value [timestamp]
        var afterLabels = sample[(sample.LastIndexOf('}') + 1)..].Trim();
        return double.Parse(afterLabels.Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
