using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Tests.Finance;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Finance.Pages;
using IspPortal.Web.Features.Reports.Components;
using IspPortal.Web.Features.Reports.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IspPortal.Tests.Reports;

/// <summary>
/// /reports/profit-loss limited to a location or router over <see cref="SegmentBooks"/> and the real use cases: the choice goes to the address,
/// the table loses its budget column, the download and the ledger links carry the segment, and the ledger shows only those lines.
/// </summary>
public sealed class SegmentPageTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    private const string March = "from=2025-03-01&to=2025-03-31";

    private SegmentBooks.Ids _ids = default!;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<IRenderedComponent<TPage>> OpenAsync<TPage>(string address, string loaded) where TPage : class, IComponent
    {
        await DisposeComponentsAsync();
        RenderDialogHost();
        Navigation.NavigateTo(address);
        var page = Render<TPage>();
        page.WaitForElement(loaded, Wait);
        return page;
    }

    [Fact]
    public async Task A_manager_picks_a_location_and_then_a_router_and_the_statement_follows_the_address()
    {
        await StartAsync();
        _ids = await SegmentBooks.SeedAsync(Database, Core);
        SignIn(await UserAsync("man1", Roles.Manager), Roles.Manager);
        var page = await OpenAsync<ProfitLossPage>($"/reports/profit-loss?{March}", "[data-testid=profit-loss]");
        Assert.Contains("Anggaran", page.Find("[data-testid=profit-loss] thead").TextContent, StringComparison.Ordinal);

        var location = page.FindComponents<MudSelect<int?>>().Single(s => Equals(s.Instance.UserAttributes["data-testid"], "segment-location"));
        await page.InvokeAsync(() => location.Instance.SelectOption((int?)_ids.Krw));

        Assert.EndsWith($"/reports/profit-loss?{March}&location={_ids.Krw}", Navigation.Uri, StringComparison.Ordinal);
        var karawang = await OpenAsync<ProfitLossPage>(Navigation.Uri, "[data-testid=profit-loss]");
        Assert.DoesNotContain("Anggaran", karawang.Find("[data-testid=profit-loss] thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 1.300.000", karawang.Find("[data-testid=pnl-net]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"{March}&location={_ids.Krw}", karawang.FindComponent<ExportMenu>().Instance.Query.TrimStart('?'));
        var ledger = karawang.FindAll("[data-testid=pnl-line] a")[0].GetAttribute("href") ?? "";
        Assert.Equal($"/finance/ledger/4-1100?{March}&location={_ids.Krw}", ledger);

        var router = karawang.FindComponents<MudSelect<int?>>().Single(s => Equals(s.Instance.UserAttributes["data-testid"], "segment-router"));
        await karawang.InvokeAsync(() => router.Instance.SelectOption((int?)_ids.Kr2));
        Assert.EndsWith($"&location={_ids.Krw}&router={_ids.Kr2}", Navigation.Uri, StringComparison.Ordinal);
        var kr2 = await OpenAsync<ProfitLossPage>(Navigation.Uri, "[data-testid=profit-loss]");
        Assert.Contains("Rp 500.000", kr2.Find("[data-testid=pnl-net]").TextContent, StringComparison.Ordinal);

        await kr2.InvokeAsync(() => kr2.Find("[data-testid=segment-clear]").Click());
        Assert.EndsWith($"/reports/profit-loss?{March}", Navigation.Uri, StringComparison.Ordinal);

        // The route's {Code} is the router's to fill; bUnit renders the page itself, so the test gives it.
        await DisposeComponentsAsync();
        Navigation.NavigateTo(ledger);
        var lines = Render<GeneralLedger>(p => p.Add(l => l.Code, "4-1100"));
        lines.WaitForElement("[data-testid=ledger]", Wait);
        Assert.Contains("Lokasi KRW", lines.Find("[data-testid=ledger-segment]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, lines.FindAll("[data-testid=ledger-line]").Count);
    }
}
