using System.Net;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace IspPortal.Tests.Platform;

[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class BrowserFixtureTests(BrowserFixture browser, PortalFactory portal) : IClassFixture<BrowserFixture>, IClassFixture<PortalFactory>
{
    private const string CounterPage = """
        <!doctype html>
        <html lang="id"><head><title>Uji</title></head>
        <body>
          <p id="count">Jumlah: 0</p>
          <button onclick="document.getElementById('count').textContent = 'Jumlah: ' + (++window.clicks)">Tambah</button>
          <script>window.clicks = 0;</script>
        </body></html>
        """;

    [Fact]
    public async Task Browser_clicks_through_a_page_served_on_loopback()
    {
        await using var site = await StartSiteAsync();

        await browser.OnPageAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();

            await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("Jumlah: 2");
            Assert.Equal("Uji", await page.TitleAsync());
        }, new Uri(site.Urls.Single()));
    }

    [Fact]
    public async Task Browser_opens_the_real_portal_and_its_blazor_runtime_starts()
    {
        await browser.OnPageAsync(async page =>
        {
            var response = await page.GotoAsync("/");

            Assert.NotNull(response);
            Assert.True(response.Ok, $"GET / answered {response.Status}");
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        }, portal.BaseAddress);
    }

    private static async Task<WebApplication> StartSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        site.MapGet("/", () => Results.Content(CounterPage, "text/html; charset=utf-8"));
        await site.StartAsync();
        return site;
    }
}
