using System.Text.Json;
using System.Text.RegularExpressions;
using IspPortal.Tests.Support;
using IspPortal.Web.Host;
using YamlDotNet.Serialization;

namespace IspPortal.Tests.Observability;

/// <summary>
/// The Grafana dashboard of the monitoring profile (deploy/monitoring) reads only metrics the portal
/// exports (<see cref="PortalTelemetry.DashboardMetrics"/>, which <see cref="MetricsAfterSyncTests"/>
/// holds to what /metrics serves), from the provisioned data source, and covers what the NOC watches.
/// </summary>
public sealed partial class DashboardTests
{
    private static readonly string _monitoring = Path.Combine(RepositoryFolder.Root, "deploy", "monitoring");

    [Fact]
    public void Every_metric_the_dashboard_queries_is_one_the_portal_exports()
    {
        var used = Queries().SelectMany(query => MetricName().Matches(query).Select(match => match.Groups["name"].Value)).ToHashSet();

        Assert.NotEmpty(used);
        var unknown = used.Where(name => !PortalTelemetry.DashboardMetrics.Contains(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, $"The dashboard queries metrics the portal does not export: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_dashboard_shows_routers_syncs_sessions_outbox_http_and_backups()
    {
        var used = string.Join('\n', Queries());

        Assert.Contains("ispportal_routers_reachable", used, StringComparison.Ordinal);
        Assert.Contains("ispportal_router_sync_duration_seconds", used, StringComparison.Ordinal);
        Assert.Contains("ispportal_sessions_online", used, StringComparison.Ordinal);
        Assert.Contains("ispportal_outbox_pending", used, StringComparison.Ordinal);
        Assert.Contains("ispportal_outbox_oldest_pending_age_seconds", used, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", used, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=~\"5..\"", used, StringComparison.Ordinal);
        Assert.Contains("ispportal_backup_last_success_timestamp_seconds", used, StringComparison.Ordinal);
    }

    [Fact]
    public void Panels_read_the_provisioned_prometheus_data_source_and_prometheus_scrapes_metrics_with_the_token()
    {
        var datasources = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(
            File.ReadAllText(Path.Combine(_monitoring, "grafana", "provisioning", "datasources", "prometheus.yml")));
        var source = (Dictionary<object, object>)((List<object>)datasources["datasources"]).Single();
        var uid = (string)source["uid"];

        using var dashboard = Dashboard();
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.All(panels, panel => Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString()));
        var prometheus = File.ReadAllText(Path.Combine(_monitoring, "prometheus.yml"));
        Assert.Contains($"metrics_path: {MetricsAccess.Path}", prometheus, StringComparison.Ordinal);
        Assert.Contains("credentials_file:", prometheus, StringComparison.Ordinal);
    }

    private static JsonDocument Dashboard() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_monitoring, "grafana", "dashboards", "ispportal.json")));

    private static List<string> Queries()
    {
        using var dashboard = Dashboard();
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();
    }

    // A metric name (label names never start with these prefixes); a histogram's series end in _bucket, _sum or _count.
    [GeneratedRegex(@"\b(?<name>(?:ispportal|http_server)_[a-z0-9_]*?)(?:_bucket|_sum|_count)?\b")]
    private static partial Regex MetricName();
}
