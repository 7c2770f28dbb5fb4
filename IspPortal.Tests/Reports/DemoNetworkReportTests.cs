using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Reports;

/// <summary>The demo gives the network reports something to show: outages in the last 30 days, a year of traffic, capacities.</summary>
public sealed class DemoNetworkReportTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_demo_has_outages_traffic_and_capacities_to_report()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.NetworkRead);

        var uptime = await client.GetFromJsonAsync<JsonElement>("api/reports/uptime");
        var year = await client.GetFromJsonAsync<JsonElement>("api/reports/bandwidth?from=" + DateTime.UtcNow.AddDays(-360).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(uptime.GetProperty("outages").GetArrayLength() >= 3);
        Assert.True(uptime.GetProperty("uptimePercent").GetDecimal() is > 90m and < 100m, uptime.GetProperty("uptimePercent").ToString());
        var routers = year.GetProperty("routers").EnumerateArray().ToList();
        Assert.Equal(3, routers.Count);
        Assert.Equal(2, routers.Count(r => r.GetProperty("utilizationP95").ValueKind == JsonValueKind.Number));
        Assert.True(year.GetProperty("series").GetArrayLength() > 300 * 3);
    }
}
