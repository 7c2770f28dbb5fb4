using System.Text.RegularExpressions;
using IspPortal.Tests.Support;
using Microsoft.Playwright;

namespace IspPortal.Tests.Network;

/// <summary>The routers page against the demo's live simulated routers.</summary>
public sealed partial class NetworkBrowserTests(LiveDemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<LiveDemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Noc_tests_a_router_connection_and_checks_its_drift() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("noc");
        await page.GotoAsync("/network/routers");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("test-CKP").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("terhubung ke CKP");

        await page.GetByTestId("drift-CKP").ClickAsync();
        await Assertions.Expect(page.GetByTestId("in-sync")).ToContainTextAsync("sama dengan portal");
        // NOC operates the network but does not manage routers: no add or delete.
        await Assertions.Expect(page.GetByTestId("add")).ToHaveCountAsync(0);
    }, portal.BaseAddress);

}
