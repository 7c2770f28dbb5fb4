using System.Text.RegularExpressions;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Network;

/// <summary>The live map against the demo's simulated routers: a change on a router reaches an open map without a reload.</summary>
public sealed partial class MapBrowserTests(LiveDemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<LiveDemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_session_dropped_on_the_router_turns_the_customers_marker_grey_after_the_sync_without_a_reload() => browser.OnPageAsync(async page =>
    {
        await SyncAsync();
        var (code, username, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online);
        var feed = portal.Services.GetRequiredService<NetworkChangeFeed>();
        await page.SignInAsync("noc");
        await page.GotoAsync("/customers");
        await page.WaitForCircuitAsync();
        var subscribersBefore = feed.SubscriberCount;
        await page.GetByRole(AriaRole.Link, new() { Name = "Peta pelanggan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-map")).ToHaveAttributeAsync("data-ready", "true");
        Assert.Equal(subscribersBefore + 1, feed.SubscriberCount);
        var marker = page.Locator($"[data-customer='{code}']");

        await page.PickSuggestionAsync("map-search", code);
        await Assertions.Expect(marker).ToHaveAttributeAsync("data-status", "online");
        await Assertions.Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync(username);
        // The popup pans the map into view after it opens: take the view once the pane has stood still for 15 frames.
        await page.WaitForFunctionAsync("""
            () => new Promise(resolve => {
                const pane = document.querySelector('.leaflet-map-pane');
                let last = pane.style.transform, still = 0;
                const tick = () => {
                    const now = pane.style.transform;
                    still = now === last ? still + 1 : 0;
                    last = now;
                    if (still >= 15) resolve(true); else requestAnimationFrame(tick);
                };
                requestAnimationFrame(tick);
            })
            """);
        var zoomBefore = await page.EvaluateAsync<string>("() => document.querySelector('.leaflet-map-pane').style.transform");
        await page.EvaluateAsync("() => window.__notReloaded = true");

        // The operator disables the secret on the router itself: the session drops and does not redial.
        var secretId = portal.Simulator("CKP").Router.Secrets.Single(s => s.Name == username).Id;
        await (await portal.OpenRouterAsync("CKP")).DisableSecretAsync(secretId);
        await SyncAsync();

        await Assertions.Expect(marker).ToHaveAttributeAsync("data-status", "disabled");
        await Assertions.Expect(marker).ToHaveClassAsync(DisabledClass());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was not reloaded");
        Assert.Equal(zoomBefore, await page.EvaluateAsync<string>("() => document.querySelector('.leaflet-map-pane').style.transform"));
        var screenshot = Path.Combine(RepositoryFolder.PathTo("TestResults"), "screenshots", "live-map-after-sync.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.True(File.Exists(screenshot));

        // Leaving the map releases its subscription with the component.
        await page.GetByRole(AriaRole.Link, new() { Name = "Daftar pelanggan" }).ClickAsync();
        await page.GetByTestId("grid").WaitForAsync();
        await Eventually.TrueAsync(() => feed.SubscriberCount == subscribersBefore, TimeSpan.FromSeconds(10));
    }, portal.BaseAddress);

    [Fact]
    public Task Isolir_from_the_popup_greys_the_marker_at_once() => browser.OnPageAsync(async page =>
    {
        var (code, _, _) = await portal.ActiveCustomerAsync("KTB", ConnectionState.Online, skip: 3);
        await page.SignInAsync("noc");
        await page.GotoAsync("/network/map");
        await Assertions.Expect(page.GetByTestId("customer-map")).ToHaveAttributeAsync("data-ready", "true");
        await page.PickSuggestionAsync("map-search", code);
        var marker = page.Locator($"[data-customer='{code}']");
        await Assertions.Expect(marker).ToHaveAttributeAsync("data-status", "online");

        await page.Locator(".leaflet-popup-content button[data-action=isolate]").ClickAsync();
        await page.Input("reason").FillAsync("Tunggakan");
        await page.GetByTestId("reason-ok").ClickAsync();

        await Assertions.Expect(marker).ToHaveAttributeAsync("data-status", "disabled");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(code);
    }, portal.BaseAddress);

    private async Task SyncAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
    }



    [GeneratedRegex("cm-disabled")]
    private static partial Regex DisabledClass();
}
