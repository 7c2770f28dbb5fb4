using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Tests.Finance;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;
using IspPortal.Web.Features.Reports.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The filter bar of /reports/uptime and /reports/bandwidth over <see cref="NetworkReportData"/> and the real use cases: every choice goes to
/// the address, the address gives the figures, and the download carries the filters.
/// </summary>
public sealed class NetworkFilterPageTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    private const string Days = "from=2025-03-01&to=2025-03-10";

    private NetworkReportData _data = default!;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task StartAsManagerAsync()
    {
        await StartAsync();
        _data = await NetworkReportData.SeedAsync(Database);
        SignIn(await UserAsync("man1", Roles.Manager), Roles.Manager);
    }

    /// <summary>Opens the address afresh (with the popover host, as in MainLayout).</summary>
    private async Task<IRenderedComponent<TPage>> OpenAsync<TPage>(string address, string loaded) where TPage : class, IComponent
    {
        await DisposeComponentsAsync();
        RenderDialogHost();
        Navigation.NavigateTo(address);
        var page = Render<TPage>();
        page.WaitForElement(loaded, Wait);
        return page;
    }

    private static Task ChooseAsync<TPage>(IRenderedComponent<TPage> page, string testId, int? value) where TPage : class, IComponent
    {
        var select = List(page, testId);
        return page.InvokeAsync(() => select.Instance.SelectOption(value));
    }

    private static IRenderedComponent<MudSelect<int?>> List<TPage>(IRenderedComponent<TPage> page, string testId) where TPage : class, IComponent =>
        page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var t) && Equals(t, testId));

    /// <summary>The values a list offers, opened.</summary>
    private static async Task<List<int?>> ItemsAsync<TPage>(IRenderedComponent<TPage> page, string testId) where TPage : class, IComponent
    {
        var select = List(page, testId);
        await page.InvokeAsync(select.Instance.OpenMenu);
        return [.. select.FindComponents<MudSelectItem<int?>>().Select(i => i.Instance.Value)];
    }

    private static string Total(IRenderedComponent<UptimePage> page) => page.Find("[data-testid=uptime-total]").TextContent.Trim();

    [Fact]
    public async Task Choosing_a_router_on_uptime_goes_to_the_address_which_shows_that_routers_figures_and_exports_them()
    {
        await StartAsManagerAsync();
        var page = await OpenAsync<UptimePage>($"/reports/uptime?{Days}", "[data-testid=uptime-total]");
        Assert.Matches("^85[.,]911 %$", Total(page));
        Assert.Empty(page.FindAll("[data-testid=network-clear]"));

        await ChooseAsync(page, "network-router", _data.Aaa);

        Assert.EndsWith($"/reports/uptime?{Days}&router={_data.Aaa}", Navigation.Uri, StringComparison.Ordinal);
        var filtered = await OpenAsync<UptimePage>(Navigation.Uri, "[data-testid=uptime-total]");
        Assert.Matches("^98[.,]453 %$", Total(filtered)); // 1 − 430 / 27,800: AAA's two customers
        Assert.Equal(["AAA"], filtered.FindAll("[data-testid=uptime-routers] tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Equal($"{Days}&router={_data.Aaa}", filtered.FindComponent<ExportMenu>().Instance.Query);
        Assert.Single(filtered.FindAll("[data-testid=network-clear]"));
    }

    [Fact]
    public async Task A_location_narrows_the_routers_drops_a_router_standing_elsewhere_and_clearing_keeps_the_days()
    {
        await StartAsManagerAsync();
        var page = await OpenAsync<UptimePage>($"/reports/uptime?{Days}&router={_data.Aaa}", "[data-testid=uptime-total]");

        Assert.Equal(2, (await ItemsAsync(page, "network-location")).Count);
        Assert.Equal([_data.Aaa, _data.Bbb], await ItemsAsync(page, "network-router"));

        await ChooseAsync(page, "network-location", _data.Purwakarta);

        // AAA stands in Karawang: choosing Purwakarta leaves only the location.
        Assert.EndsWith($"/reports/uptime?{Days}&location={_data.Purwakarta}", Navigation.Uri, StringComparison.Ordinal);
        var purwakarta = await OpenAsync<UptimePage>(Navigation.Uri, "[data-testid=uptime-total]");
        Assert.Matches("^50[.,]000 %$", Total(purwakarta)); // C5 alone: 300 of 600 minutes
        Assert.Equal(2, (await ItemsAsync(purwakarta, "network-location")).Count);
        Assert.Empty(await ItemsAsync(purwakarta, "network-router")); // no router stands in Purwakarta

        purwakarta.Find("[data-testid=network-clear]").Click();

        Assert.EndsWith($"/reports/uptime?{Days}", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_router_on_bandwidth_goes_to_the_address_which_shows_only_that_router_and_exports_it()
    {
        await StartAsManagerAsync();
        var page = await OpenAsync<BandwidthPage>($"/reports/bandwidth?{Days}", "[data-testid=bandwidth-routers]");
        Assert.Equal(2, page.FindAll("[data-testid=bandwidth-routers] tbody tr").Count);

        await ChooseAsync(page, "network-router", _data.Bbb);

        Assert.EndsWith($"/reports/bandwidth?{Days}&router={_data.Bbb}", Navigation.Uri, StringComparison.Ordinal);
        var filtered = await OpenAsync<BandwidthPage>(Navigation.Uri, "[data-testid=bandwidth-routers]");
        Assert.Equal(["BBB"], filtered.FindAll("[data-testid=bandwidth-routers] tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Equal($"{Days}&router={_data.Bbb}", filtered.FindComponent<ExportMenu>().Instance.Query);
    }

    [Fact]
    public void The_address_carries_the_filters_in_the_apis_names_and_a_location_keeps_only_its_routers()
    {
        var choices = new Core.Customers.CustomerChoices([new(1, "KRW", "Karawang"), new(2, "PWK", "Purwakarta")],
            [new(10, "AAA", "Alpha", 1, default, 0, null, null), new(11, "BBB", "Beta", 2, default, 0, null, null)], [], [], []);
        var filter = new Core.Reports.Network.NetworkFilter(10, null);

        Assert.Equal("from=2025-03-01&to=2025-03-10&router=10&location=1", NetworkLinks.Query(new(2025, 3, 1), new(2025, 3, 10), filter with { LocationId = 1 }));
        Assert.Equal(new Core.Reports.Network.NetworkFilter(10, 1), NetworkLinks.AtLocation(choices, filter, 1));
        Assert.Equal(new Core.Reports.Network.NetworkFilter(null, 2), NetworkLinks.AtLocation(choices, filter, 2));
        Assert.Equal(new Core.Reports.Network.NetworkFilter(10, null), NetworkLinks.AtLocation(choices, filter, null));
        Assert.Equal(["BBB"], NetworkLinks.RoutersAt(choices, new(null, 2)).Select(r => r.Code));
        Assert.Equal(["AAA", "BBB"], NetworkLinks.RoutersAt(choices, new(11, 1)).Select(r => r.Code));
    }
}
