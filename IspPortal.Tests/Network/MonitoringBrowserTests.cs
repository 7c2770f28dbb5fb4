using System.Text.RegularExpressions;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Network;

/// <summary>Monitoring and the wallboard follow the sync live; NOC acknowledges an alert.</summary>
public sealed partial class MonitoringBrowserTests(LiveDemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<LiveDemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task An_unreachable_router_moves_to_the_top_with_a_new_alert_that_noc_acknowledges() => browser.OnPageAsync(async page =>
    {
        await SyncAsync();
        await page.SignInAsync("noc");
        await page.GotoAsync("/network/monitoring");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("alerts")).ToContainTextAsync("Tidak ada peringatan");

        var realPort = await portal.MoveRouterAsync("KRW", FreePorts.Consecutive(1));
        try
        {
            await SyncAsync();
        }
        finally
        {
            await portal.MoveRouterAsync("KRW", realPort);
        }

        // No reload: the page follows the sync.
        await Assertions.Expect(page.GetByTestId("router-health").Locator("tbody tr").First).ToContainTextAsync("KRW");
        var alert = page.GetByTestId("alerts").Locator("tr", new() { HasText = "KRW" });
        await Assertions.Expect(alert).ToContainTextAsync("Router tidak terjangkau");
        await Assertions.Expect(alert).ToContainTextAsync("Baru");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Tangani" }).ClickAsync();
        await Assertions.Expect(alert).ToContainTextAsync("Ditangani oleh");

        await page.GetByTestId("wallboard-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("wb-routers")).ToHaveTextAsync("2 / 3");
        await Assertions.Expect(page.GetByTestId("wallboard")).ToContainTextAsync("KRW");
        await SyncAsync();
        await Assertions.Expect(page.GetByTestId("wb-routers")).ToHaveTextAsync("3 / 3");
    }, portal.BaseAddress);

    private async Task SyncAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
    }


}
