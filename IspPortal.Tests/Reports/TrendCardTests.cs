using Bunit;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components.Charts;
using MudBlazor;

namespace IspPortal.Tests.Reports;

/// <summary>The chart kit: a trend card's numbers and change, and the chart's table showing the same points.</summary>
public sealed class TrendCardTests : PortalComponentTest
{
    private static TrendSeries Series(string key, params decimal?[] values) =>
        new(key, [.. values.Select((v, i) => new TrendPoint(new DateOnly(2024, 4, 1).AddMonths(i), v))]);

    private static readonly TrendSeries Rate = Series(TrendKeys.CollectionRate, null, null, null, null, null, null, null, null, 0m, 50m, 25m, 37.5m);

    [Fact]
    public void A_card_shows_this_month_last_month_and_the_change_coloured_by_whether_up_is_good()
    {
        var good = Render<TrendCard>(p => p.Add(c => c.Title, "Tingkat penagihan").Add(c => c.Series, Rate).Add(c => c.Href, "/reports/receivables")
            .Add(c => c.Format, TrendFormat.Percent).Add(c => c.UpIsGood, true));

        Assert.Equal("37,5%", good.Find("[data-testid=trend-this-month]").TextContent.Trim());
        Assert.Contains("25%", good.Find("[data-testid=trend-last-month]").TextContent, StringComparison.Ordinal);
        var change = good.Find("[data-testid=trend-change]");
        Assert.Contains("+50%", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("success", change.ClassName, StringComparison.Ordinal);
        Assert.Equal("/reports/receivables", good.Find("[data-testid=trend-link]").GetAttribute("href"));

        var arrears = Series(TrendKeys.ArrearsOver30, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 300_000m, 550_000m);
        var bad = Render<TrendCard>(p => p.Add(c => c.Title, "Tunggakan").Add(c => c.Series, arrears).Add(c => c.Href, "/reports/receivables")
            .Add(c => c.Format, TrendFormat.Rupiah).Add(c => c.UpIsGood, false).Add(c => c.Kind, ChartType.Bar));
        Assert.Equal("Rp 550.000", bad.Find("[data-testid=trend-this-month]").TextContent.Trim());
        Assert.Contains("+83,3%", bad.Find("[data-testid=trend-change]").TextContent, StringComparison.Ordinal);
        Assert.Contains("error", bad.Find("[data-testid=trend-change]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void No_change_is_shown_when_last_month_had_nothing()
    {
        var card = Render<TrendCard>(p => p.Add(c => c.Title, "SLA").Add(c => c.Series, Series(TrendKeys.SlaMet, [.. Enumerable.Repeat<decimal?>(null, 11), 80m]))
            .Add(c => c.Href, "/tickets/analytics").Add(c => c.Format, TrendFormat.Percent));

        Assert.Equal("80%", card.Find("[data-testid=trend-this-month]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=trend-change]"));
    }

    [Fact]
    public void The_table_toggle_shows_the_same_points_with_a_caption_and_headers()
    {
        var lines = new[]
        {
            new TrendLine("Dibuka", Series(TrendKeys.TicketsOpened, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 3).Points, ChartPalette.Series[0]),
            new TrendLine("Diselesaikan", Series(TrendKeys.TicketsResolved, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1).Points, ChartPalette.Series[1]),
        };
        var chart = Render<TrendChart>(p => p.Add(c => c.Lines, lines).Add(c => c.Caption, "Tiket per bulan").Add(c => c.Kind, ChartType.Bar));

        Assert.Empty(chart.FindAll("[data-testid=trend-table]"));
        Assert.NotEmpty(chart.FindAll("svg"));

        chart.Find("[data-testid=trend-table-toggle]").Click();

        var table = chart.Find("[data-testid=trend-table]");
        Assert.Equal("Tiket per bulan", table.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(["Periode", "Dibuka", "Diselesaikan"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(12, rows.Length);
        Assert.Equal(["Mar 25", "3", "1"], rows[^1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["Jan 25", "2", "1"], rows[^3].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("row", rows[0].Children[0].GetAttribute("scope"));

        chart.Find("[data-testid=trend-table-toggle]").Click();
        Assert.Empty(chart.FindAll("[data-testid=trend-table]"));
    }

    [Fact]
    public void The_palette_gives_each_status_channel_and_priority_its_own_colour()
    {
        Assert.Equal(5, Enum.GetValues<IspPortal.Core.Customers.CustomerStatus>().Select(ChartPalette.For).Distinct().Count());
        Assert.Equal(Enum.GetValues<IspPortal.Core.Billing.PaymentMethod>().Length, Enum.GetValues<IspPortal.Core.Billing.PaymentMethod>().Select(ChartPalette.For).Distinct().Count());
        Assert.Equal(4, Enum.GetValues<IspPortal.Core.Tickets.TicketPriority>().Select(ChartPalette.For).Distinct().Count());
        Assert.Equal(ChartPalette.Error, ChartPalette.For(IspPortal.Core.Customers.CustomerStatus.Isolated));
    }
}
