using Bunit;
using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Reports.Receivables;
using IspPortal.Core.Reports.Statements;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;

namespace IspPortal.Tests.Reports;

/// <summary>The Piutang page's parts render what the use cases computed; the customer table renders one page only.</summary>
public sealed class AgingComponentTests : PortalComponentTest
{
    private static readonly DateOnly AsOf = new(2025, 3, 15);

    private static AgingRow Row(int id, decimal total, CustomerStatus status = CustomerStatus.Active) =>
        new(id, $"KCB-{id:000}", $"Pelanggan {id}", "Karawang", null, "Rumahan 20 Mbps", status, [0m, 0m, total, 0m, 0m], total, 40);

    private static AgingView View(int customers)
    {
        var rows = Enumerable.Range(1, customers).Select(i => Row(i, 1_000_000m - i * 1_000m, i == 1 ? CustomerStatus.Isolated : CustomerStatus.Active)).ToList();
        return AgingBuildForTest(rows);
    }

    private static AgingView AgingBuildForTest(List<AgingRow> rows) => new(AsOf, rows.Sum(r => r.Total),
        [.. AgingBuckets.Names.Select((n, i) => new AgingBucket(n, rows.Sum(r => r.Amounts[i]), rows.Count(r => r.Amounts[i] != 0)))],
        rows, [], [], [], [.. rows.Take(10)]);

    [Fact]
    public void Bucket_cards_show_the_total_and_each_bucket_with_its_customers()
    {
        var view = View(3);

        var cards = Render<AgingCards>(p => p.Add(c => c.View, view.Summary));

        Assert.Equal(5, cards.FindAll("[data-testid=aging-bucket]").Count);
        Assert.Contains("Rp 2.994.000", cards.Find("[data-testid=aging-total]").TextContent, StringComparison.Ordinal);
        Assert.Contains("3", cards.FindAll("[data-testid=aging-bucket]")[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_customer_table_renders_one_page_of_many_customers()
    {
        var view = View(1_000);

        var table = Render<AgingTable>(p => p.Add(t => t.Rows, view.Rows));

        Assert.Equal(25, table.FindAll("[data-testid=aging-table] tbody tr").Count);
        Assert.Contains("KCB-001", table.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("KCB-999", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_debtors_mark_the_isolated_ones()
    {
        var view = View(12);

        var top = Render<TopDebtors>(p => p.Add(t => t.Rows, view.TopDebtors));

        Assert.Equal(10, top.FindAll("[data-testid=top-debtor]").Count);
        Assert.Single(top.FindAll("[data-testid=isolated]"));
    }

    [Fact]
    public void Collection_shows_months_rate_dso_and_days_to_pay()
    {
        var view = new CollectionView(new DayRange(new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31)),
            [new(new DateOnly(2025, 2, 1), 400_000m, 0m, 0m), new(new DateOnly(2025, 3, 1), 700_000m, 350_000m, 50.0m)],
            1_100_000m, 350_000m, 1_100_000m, 59.0m, [new MethodDays(PaymentMethod.Cash, 2, 75.5m)]);

        var panel = Render<CollectionPanel>(p => p.Add(c => c.View, view));

        Assert.Equal(2, panel.FindAll("[data-testid=collection-month]").Count);
        Assert.Contains("50,0%", panel.FindAll("[data-testid=collection-month]")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("59,0", panel.Find("[data-testid=dso]").TextContent, StringComparison.Ordinal);
        Assert.Contains("75,5", panel.Find("[data-testid=days-to-pay]").TextContent, StringComparison.Ordinal);
    }
}
