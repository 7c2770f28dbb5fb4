using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Notifications;

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

    [Fact]
    public Task Admin_edits_a_reminder_sees_the_preview_live_and_a_mistyped_placeholder_is_refused() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("admin");
        await page.GotoAsync("/settings/notification-templates");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("event-invoice_reminder").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("Halo Budi Santoso, pengingat: tagihan INV/2025/02/000123");

        var body = page.Input("body");
        await body.FillAsync("Halo {nmaa}, tagihan {nomor_tagihan} jatuh tempo {jatuh_tempo}.");
        await Assertions.Expect(page.GetByTestId("preview-problem")).ToContainTextAsync("Placeholder {nmaa} tidak dikenal");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("Placeholder {nmaa} tidak dikenal");
        await using (var db = portal.Database.CreateDbContext())
            Assert.False(await db.NotificationTemplates.AnyAsync(t => t.EventKey == "invoice_reminder"));

        await body.FillAsync("Halo {nama}, tagihan {nomor_tagihan} jatuh tempo {jatuh_tempo}.");
        await Assertions.Expect(page.GetByTestId("preview-body")).ToHaveTextAsync("Halo Budi Santoso, tagihan INV/2025/02/000123 jatuh tempo 10 Februari 2025.");
        await Assertions.Expect(page.GetByTestId("preview-problem")).ToHaveCountAsync(0);
        await page.Input("wa-name").FillAsync("invoice_reminder_v1");
        await Assertions.Expect(page.GetByTestId("parameters")).ToContainTextAsync("{{1}} = {nama}, {{2}} = {nomor_tagihan}, {{3}} = {jatuh_tempo}");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Templat disimpan");

        await using var after = portal.Database.CreateDbContext();
        var saved = await after.NotificationTemplates.SingleAsync(t => t.EventKey == "invoice_reminder");
        Assert.Equal((IspPortal.Core.Notifications.NotificationChannel.WhatsApp, "Halo {nama}, tagihan {nomor_tagihan} jatuh tempo {jatuh_tempo}.", "invoice_reminder_v1"),
            (saved.Channel, saved.Body, saved.WhatsAppTemplateName));
        Assert.True(await after.AuditLogs.AnyAsync(a => a.Entity == "notification_templates"));

        // The e-mail text of the same event is still the default, with its own subject.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Email" }).ClickAsync();
        await Assertions.Expect(page.Input("subject")).ToHaveValueAsync("Pengingat tagihan {nomor_tagihan}");
        await Assertions.Expect(page.GetByTestId("preview")).ToContainTextAsync("Pengingat tagihan INV/2025/02/000123");
    }, portal.BaseAddress);
}
