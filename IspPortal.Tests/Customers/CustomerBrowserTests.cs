using System.Text.RegularExpressions;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Customers;

/// <summary>PSB in a real browser against the demo's simulated routers.</summary>
public sealed partial class CustomerBrowserTests(LiveDemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<LiveDemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task An_agent_registers_a_customer_with_the_map_pin_and_sees_them_online_once_they_dial_in() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("staff");
        await page.GotoAsync("/customers/new");
        await page.WaitForCircuitAsync();

        // 1. Identity: a wrong NIK is explained on the field and the wizard stays.
        await page.Input("full-name").FillAsync("Ni Luh Putu Ayu");
        await page.Input("nik").FillAsync("3201017201900001");
        await NextAsync(page);
        await Assertions.Expect(page.GetByTestId("wizard")).ToContainTextAsync("digit 7–8 = 72");
        await page.Input("nik").FillAsync("5171014501900001");
        await page.Input("full-name").ClickAsync();
        await Assertions.Expect(page.GetByTestId("wizard")).ToContainTextAsync("Bali, lahir 05-01-1990, perempuan");
        await page.Locator("[data-testid=ktp-photo] input[type=file], input[type=file][data-testid=ktp-photo]").First
            .SetInputFilesAsync(new FilePayload { Name = "ktp.png", MimeType = "image/png", Buffer = Png() });
        await Assertions.Expect(page.Locator("img.photo-thumb")).ToHaveCountAsync(1);
        await NextAsync(page);

        // 2. Contact, as typed.
        await page.Input("phone").FillAsync("+62 812-7777-1234");
        await NextAsync(page);

        // 3. Address and the pin: the step refuses to go on without one.
        await page.Input("address").FillAsync("Jl. Raya Cikampek No. 88");
        await NextAsync(page);
        await Assertions.Expect(page.GetByTestId("location-error")).ToContainTextAsync("Tandai lokasi");
        await page.GetByTestId("location-map").ClickAsync(new() { Position = new() { X = 200, Y = 150 } });
        await Assertions.Expect(page.GetByTestId("pin-coordinates")).ToContainTextAsync("Lokasi: -6.");
        await NextAsync(page);

        // 4. Service.
        await page.ChooseAsync("location", "KCB");
        await page.ChooseAsync("package", "Rumahan 30 Mbps");
        await page.ChooseAsync("router", "CKP");
        await Assertions.Expect(page.GetByTestId("proposal")).ToContainTextAsync("router CKP");
        await page.ChooseAsync("technician", "Budi Santoso");
        await NextAsync(page);

        // 5. Review and create.
        await Assertions.Expect(page.GetByTestId("review")).ToContainTextAsync("+62 812-7777-1234");
        await page.GetByTestId("create").ClickAsync();
        await Assertions.Expect(page.GetByTestId("registered")).ToContainTextAsync("sudah terpasang di router CKP");
        var code = (await page.GetByTestId("registered-code").InnerTextAsync()).Trim();
        var username = (await page.GetByTestId("registered-username").InnerTextAsync()).Trim();
        Assert.Matches(CustomerCodePattern(), code);
        Assert.Contains(portal.Simulator("CKP").Router.Secrets, s => s.Name == username);

        // The CPE dials in; the next sync sees it.
        Assert.True(portal.Simulator("CKP").Router.Connect(username));
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(await portal.RouterIdAsync("CKP"));
        await page.GetByTestId("open-customer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection")).ToContainTextAsync("Online");
        await Assertions.Expect(page.GetByTestId("package")).ToContainTextAsync("Rumahan 30 Mbps");

        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Code == code);
        Assert.Equal((CustomerStatus.Active, ConnectionState.Online, "+6281277771234"), (customer.Status, customer.ConnectionState, customer.Phone));
        Assert.NotNull(customer.Latitude);
        Assert.NotNull(customer.KtpPhotoPath);
    }, portal.BaseAddress);

    [Fact]
    public Task Noc_finds_customers_by_phone_and_isolates_a_selection_with_progress() => browser.OnPageAsync(async page =>
    {
        string[] codes;
        await using (var db = portal.Database.CreateDbContext())
            codes = await db.Customers.Where(c => c.Status == CustomerStatus.Active && c.Router!.Code == "KTB").OrderBy(c => c.Id).Select(c => c.Code).Take(2).ToArrayAsync();
        await page.SignInAsync("noc");
        await page.GotoAsync("/customers");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("new-customer")).ToHaveCountAsync(0);

        foreach (var code in codes)
        {
            await page.Input("search").FillAsync(code);
            var row = page.GetByTestId("grid").Locator("tr", new() { HasText = code });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await row.Locator("input[type=checkbox]").CheckAsync();
        }
        await Assertions.Expect(page.GetByTestId("selection")).ToContainTextAsync("2 pelanggan dipilih");
        await page.GetByTestId("bulk-isolate").ClickAsync();
        await page.Input("bulk-reason").FillAsync("Tunggakan 2 bulan");
        await page.GetByTestId("bulk-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToContainTextAsync("2 dari 2 selesai · 2 berhasil · 0 gagal");
        await page.GetByTestId("bulk-close").ClickAsync();

        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(2, await after.Customers.CountAsync(c => codes.Contains(c.Code) && c.Status == CustomerStatus.Isolated));
    }, portal.BaseAddress);

    private static async Task NextAsync(IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" }).ClickAsync();

    private static byte[] Png()
    {
        using var image = new ImageMagick.MagickImage(ImageMagick.MagickColors.Orange, 16, 10) { Format = ImageMagick.MagickFormat.Png };
        return image.ToByteArray();
    }


    [GeneratedRegex(@"^KCB-CKP\d{6}-\d{3}$")]
    private static partial Regex CustomerCodePattern();
}
