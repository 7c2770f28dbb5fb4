using Bunit;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;

namespace IspPortal.Tests.Reports;

/// <summary>The revenue page's parts render what the use cases computed: months, churn rate, cohort shades, the mix, the chart's table view.</summary>
public sealed class RevenueComponentTests : PortalComponentTest
{
    private static readonly DateOnly February = new(2025, 2, 1), March = new(2025, 3, 1);

    private static MrrView Mrr() => new(February, March,
        [
            new(February, 1_200_000m, 1_200_000m, 0m, 0m, 0m, 0m, 0m, 5, 240_000m),
            new(March, 1_400_000m, 1_200_000m, 400_000m, 0m, 0m, 200_000m, 0m, 6, 233_333m),
        ],
        March,
        [new(1, "Rumahan 20 Mbps", 4, 800_000m, 0.5714m, 200_000m), new(2, "Rumahan 50 Mbps", 2, 600_000m, 0.4286m, 300_000m)],
        [new(1, "Karawang", 6, 1_400_000m, 1m, 233_333m)],
        [new(null, "Tanpa router", 6, 1_400_000m, 1m, 233_333m)]);

    private static ChurnView Churn() => new(February, March,
        [new(February, 5, 0, 0, 0, 0m, 0, 5, 1, 0), new(March, 5, 2, 0, 1, 0.2m, 1, 6, 1, 0)],
        [new(February, 4, [0m, 0.75m, null, null, null, null, null, null, null, null, null, null]), new(March, 2, [1m, .. Enumerable.Repeat<decimal?>(null, 11)])]);

    [Fact]
    public void Month_table_shows_the_movement_arpu_and_churn_rate()
    {
        var table = Render<RevenueMonths>(p => p.Add(t => t.Mrr, Mrr()).Add(t => t.Churn, Churn()).Add(t => t.Query, "from=2025-02&to=2025-03"));

        var rows = table.FindAll("[data-testid=revenue-month]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Rp 1.400.000", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 233.333", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("20,0%", table.FindAll("[data-testid=churn-rate]")[1].TextContent.Trim());
        Assert.Single(table.FindAll("[data-testid=export-menu]"));
    }

    [Fact]
    public void Cohort_cells_are_shaded_by_their_share_and_future_months_stay_empty()
    {
        var cohorts = Render<CohortTable>(p => p.Add(t => t.View, Churn()).Add(t => t.Query, "from=2025-02&to=2025-03"));

        Assert.Equal(2, cohorts.FindAll("[data-testid=cohort]").Count);
        var cells = cohorts.FindAll("[data-testid=cohort]")[0].QuerySelectorAll("[data-testid=cohort-cell]");
        Assert.Equal(12, cells.Length);
        Assert.Equal("75,0%", cells[1].TextContent.Trim());
        Assert.Contains("rgba(46, 125, 50, 0.48)", cells[1].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("", cells[2].TextContent.Trim());
        Assert.Single(cohorts.FindAll("[data-testid=export-menu]"));
    }

    [Fact]
    public void Package_mix_lists_packages_locations_and_routers()
    {
        var mix = Render<PackageMix>(p => p.Add(t => t.View, Mrr()));

        Assert.Equal(4, mix.FindAll("[data-testid=mix-line]").Count);
        Assert.Contains("57,1%", mix.FindAll("[data-testid=mix-line]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Tanpa router", mix.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_switches_to_a_table_of_the_same_figures()
    {
        var chart = Render<MrrChart>(p => p.Add(c => c.View, Mrr()));
        Assert.Empty(chart.FindAll("[data-testid=mrr-chart-table]"));

        chart.Find("input[type=checkbox]").Change(true);

        var rows = chart.FindAll("[data-testid=mrr-chart-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Rp 400.000", rows[1].TextContent, StringComparison.Ordinal);
    }
}
