using System.Text.RegularExpressions;
using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IspPortal.Tests.Platform.Shell;

/// <summary>The portal as a person uses it: headless Chromium against the demo portal on loopback.</summary>
public sealed partial class ShellBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Demo#2025";

    [Fact]
    public Task Admin_signs_in_and_sees_the_dashboard_counts_from_the_database() => browser.OnPageAsync(async page =>
    {
        await SignInAsync(page, "admin");

        await using var db = portal.Database.CreateDbContext();
        var active = await db.Customers.CountAsync(c => c.Status == CustomerStatus.Active);
        Assert.True(active > 0, "the demo seed has active customers");
        await Assertions.Expect(page.GetByTestId("stat-customers-active")).ToContainTextAsync(active.ToString("#,0", IspPortal.Core.Common.Rupiah.Indonesia));
        await Assertions.Expect(page.GetByTestId("nav")).ToContainTextAsync("Pengguna");
    }, portal.BaseAddress);

    [Fact]
    public Task Admin_creates_a_service_package_and_finds_it_in_the_list() => browser.OnPageAsync(async page =>
    {
        await SignInAsync(page, "admin");
        await page.GotoAsync("/settings/packages");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("add").ClickAsync();
        var dialog = page.GetByTestId("package-dialog");
        await dialog.Input("code").FillAsync("FIBER-75");
        await dialog.Input("name").FillAsync("Fiber 75 Mbps");
        await dialog.Input("download").FillAsync("75");
        await dialog.Input("upload").FillAsync("25");
        await dialog.Input("profile").FillAsync("paket-75M");
        await dialog.Input("price").FillAsync("450000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.GetByTestId("grid").Input("search").FillAsync("FIBER-75");
        await Assertions.Expect(page.GetByTestId("grid")).ToContainTextAsync("Fiber 75 Mbps");
        await Assertions.Expect(page.GetByTestId("grid")).ToContainTextAsync("Rp 450.000");
    }, portal.BaseAddress);

    [Fact]
    public Task Package_form_explains_bad_input_on_the_field_and_saves_nothing() => browser.OnPageAsync(async page =>
    {
        await SignInAsync(page, "admin");
        await page.GotoAsync("/settings/packages");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("add").ClickAsync();
        var dialog = page.GetByTestId("package-dialog");
        await dialog.Input("code").FillAsync("HOME-10");
        await dialog.Input("name").FillAsync("Duplikat");
        await dialog.Input("profile").FillAsync("dup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Assertions.Expect(dialog).ToContainTextAsync("Kode paket HOME-10 sudah dipakai.");
        await using var db = portal.Database.CreateDbContext();
        Assert.False(await db.ServicePackages.AnyAsync(p => p.Name == "Duplikat"));
    }, portal.BaseAddress);

    [Fact]
    public Task Admin_sees_the_demo_routers_and_adds_one() => browser.OnPageAsync(async page =>
    {
        await SignInAsync(page, "admin");
        await page.GotoAsync("/network/routers");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("grid")).ToContainTextAsync("CKP");

        await page.GetByTestId("add").ClickAsync();
        var dialog = page.GetByTestId("router-dialog");
        await dialog.Input("code").FillAsync("MLGT");
        await dialog.Input("name").FillAsync("Router Malangsari");
        await dialog.Input("host").FillAsync("10.20.0.1");
        await dialog.Input("password").FillAsync("Rahasia#1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("grid")).ToContainTextAsync("Router Malangsari");
        await using var db = portal.Database.CreateDbContext();
        Assert.DoesNotContain("Rahasia#1", (await db.Routers.SingleAsync(r => r.Code == "MLGT")).PasswordEncrypted, StringComparison.Ordinal);
    }, portal.BaseAddress);

    [Fact]
    public Task Technician_is_refused_the_users_page_and_does_not_see_it_in_the_menu() => browser.OnPageAsync(async page =>
    {
        await SignInAsync(page, "technician");
        await Assertions.Expect(page.GetByTestId("nav")).Not.ToContainTextAsync("Pengguna");

        await page.GotoAsync("/settings/users");

        await Assertions.Expect(page).ToHaveURLAsync(AccessDeniedUrl());
        await Assertions.Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Akses ditolak");
        await Assertions.Expect(page.Locator("[data-testid=grid]")).ToHaveCountAsync(0);
    }, portal.BaseAddress);

    [Fact]
    public Task Staff_chooses_english_which_is_remembered_for_the_user_and_then_signs_out() => browser.OnPageAsync(async page =>
    {
        await SignInAsync(page, "staff");

        await OpenUserMenuAsync(page, "staff");
        await page.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav")).ToContainTextAsync("Service packages");
        await using (var db = portal.Database.CreateDbContext())
            Assert.Equal("en", (await db.Users.SingleAsync(u => u.UserName == "staff")).Culture);

        await page.WaitForCircuitAsync();
        await OpenUserMenuAsync(page, "staff");
        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.GotoAsync("/settings/packages");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
    }, portal.BaseAddress);

    private static async Task OpenUserMenuAsync(IPage page, string userName)
    {
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = userName, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("logout")).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.SignInAsync(userName, DemoPassword);
        await page.WaitForCircuitAsync();
    }


    [GeneratedRegex("/dashboard$")]
    private static partial Regex DashboardUrl();

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/access-denied")]
    private static partial Regex AccessDeniedUrl();
}
