using Bunit;
using IspPortal.Core.Reports.Network;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;

namespace IspPortal.Tests.Reports;

/// <summary>The bandwidth page's chart: lines of the busiest routers and of sessions, and the same points as a table on the toggle.</summary>
public sealed class BandwidthComponentTests : PortalComponentTest
{
    private static readonly DateTimeOffset Day = new(2025, 2, 28, 17, 0, 0, TimeSpan.Zero);

    private static BandwidthView View()
    {
        RouterBandwidth Router(int id, string code, int? capacity) =>
            new(id, code, $"Router {code}", capacity, 2e6, 3e6, 4e6, 1e6, 1.5e6, 2e6, BandwidthUtilization.Utilization(3e6, 1.5e6, capacity), 10, 12);
        var routers = Enumerable.Range(1, 7).Select(i => Router(i, $"R{(char)('A' + i)}", i == 1 ? 50 : null)).ToList();
        var series = routers.SelectMany(r => new[] { new BandwidthPoint(r.RouterId, Day, 2e6, 1e6, 4e6, 2e6, 10), new BandwidthPoint(r.RouterId, Day.AddDays(1), 2.5e6, 1e6, 4e6, 2e6, 10) }).ToList();
        return new BandwidthView(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2), false, routers, series, [new SessionsPoint(Day, 70), new SessionsPoint(Day.AddDays(1), 70)]);
    }

    [Fact]
    public void Charts_first_then_a_table_of_the_same_points_for_the_five_busiest_routers()
    {
        var chart = Render<BandwidthChart>(p => p.Add(c => c.View, View()).Add(c => c.Zone, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));

        Assert.NotNull(chart.Find("[data-testid=bandwidth-chart]"));
        Assert.Empty(chart.FindAll("[data-testid=bandwidth-series-table]"));

        chart.Find("input[type=checkbox]").Change(true);

        var table = chart.Find("[data-testid=bandwidth-series-table]");
        Assert.Equal(2, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(1 + BandwidthChart.ChartRouters + 1, table.QuerySelectorAll("thead th").Length);
        Assert.Contains("01/03", table.TextContent, StringComparison.Ordinal);
        Assert.Matches("2[.,]50", table.TextContent);
    }

    [Fact]
    public void Utilization_needs_a_capacity()
    {
        Assert.Equal(6.0m, BandwidthUtilization.Utilization(3e6, 1.5e6, 50));
        Assert.Null(BandwidthUtilization.Utilization(3e6, 1.5e6, null));
        Assert.Null(BandwidthUtilization.Utilization(null, null, 50));
    }
}
