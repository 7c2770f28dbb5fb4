using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Browser;

public sealed class NotificationSettingsBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public Task Admin_switches_on_the_cloud_api_and_the_token_is_stored_encrypted_and_kept_on_the_next_save() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("admin");
        await page.GotoAsync("/settings");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Notifikasi" }).ClickAsync();
        var form = page.GetByTestId("notification-form");

        await page.ChooseAsync("wa-provider", "Cloud API");
        await form.GetByLabel("Phone Number ID").FillAsync("109876543210");
        await form.GetByLabel("Access token").FillAsync("EAAG-secret-token");
        await page.GetByTestId("save-notifications").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Pengaturan tersimpan");
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Notifikasi" }).ClickAsync();
        await page.GetByTestId("save-notifications").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Pengaturan tersimpan");

        await using var db = portal.Database.CreateDbContext();
        var row = await db.Settings.SingleAsync(s => s.Key == NotificationSettings.Key);
        Assert.DoesNotContain("EAAG-secret-token", row.Value, StringComparison.Ordinal);
        var stored = JsonSerializer.Deserialize<NotificationSettings>(row.Value, Json)!;
        Assert.Equal((WhatsAppProvider.CloudApi, "109876543210"), (stored.WhatsAppProvider, stored.CloudApiPhoneNumberId));
        var protector = portal.Services.GetRequiredService<ISecretProtector>();
        Assert.Equal("EAAG-secret-token", protector.Unprotect(SecretKind.NotificationCredential, stored.CloudApiAccessTokenEncrypted!));
        var audited = await db.AuditLogs.Where(a => a.Entity == "settings").Select(a => a.Changes).ToListAsync();
        Assert.NotEmpty(audited);
        Assert.DoesNotContain(audited, changes => changes.Contains("EAAG-secret-token", StringComparison.Ordinal));
    }, portal.BaseAddress);
}
