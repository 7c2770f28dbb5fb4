using Bunit;
using IspPortal.Core.Finance.Capital;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Finance.Components;

namespace IspPortal.Tests.Finance;

public sealed class CapitalComponentTests : PortalComponentTest
{
    [Fact]
    public void The_table_lists_each_injection_and_the_total()
    {
        var list = new CapitalList(
        [
            new CapitalRow(2, "MOD-00002", new DateOnly(2026, 11, 3), "Siti", "Tambahan kas", 5_000_000m, "1-1100", "Kas"),
            new CapitalRow(1, "MOD-00001", new DateOnly(2026, 10, 1), "Budi", "Modal awal", 50_000_000m, "1-1201", "Bank BCA"),
        ], 55_000_000m);

        var table = Render<CapitalTable>(p => p.Add(t => t.List, list));

        Assert.Equal(3, table.FindAll("[data-testid=capital] tbody tr").Count);
        Assert.Contains("Budi", table.Markup, StringComparison.Ordinal);
        Assert.Equal("Rp 55.000.000", table.Find("[data-testid=capital-total]").TextContent.Trim());
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var table = Render<CapitalTable>(p => p.Add(t => t.List, new CapitalList([], 0m)));

        Assert.Contains("Belum ada setoran modal.", table.Markup, StringComparison.Ordinal);
    }
}
