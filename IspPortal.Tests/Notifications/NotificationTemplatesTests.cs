using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>The admin's template texts: validated on save, previewed with examples, reset, and switched off per channel.</summary>
public sealed class NotificationTemplatesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Token = "templates-token";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await using var scope = _services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new CompanyProfile { Name = "NetKita" }, Actor.System)).Succeeded);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Every_event_is_listed_on_both_channels_with_its_default_until_an_admin_saves_one()
    {
        await using var scope = _services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();

        var before = await templates.ListAsync();
        var saved = await templates.SaveAsync(Draft(NotificationEvents.IsolationNotice, NotificationChannel.Email) with { Body = "Yth. {nama}: layanan {kode_pelanggan} diisolir." });
        var after = await templates.ListAsync();

        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.Equal((NotificationEvents.All.Count - 1) * 2, before.Count);
        Assert.DoesNotContain(before, d => d.IsCustomized);
        var edited = Assert.Single(after, d => d.IsCustomized);
        Assert.Equal(("isolation_notice", NotificationChannel.Email, "Yth. {nama}: layanan {kode_pelanggan} diisolir.", "Layanan {kode_pelanggan} diisolir"),
            (edited.EventKey, edited.Channel, edited.Body, edited.Subject));
    }

    [Theory]
    [InlineData("Halo {nmaa}", "Body", "Placeholder {nmaa} tidak dikenal")]
    [InlineData("Halo {nama", "Body", "Kurung kurawal tidak seimbang")]
    [InlineData("   ", "Body", "Isi templat wajib diisi.")]
    public async Task A_text_with_a_mistake_is_refused_with_the_reason_and_nothing_is_saved(string body, string field, string message)
    {
        await using var scope = _services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();

        var refused = await templates.SaveAsync(Draft(NotificationEvents.InvoiceReminder, NotificationChannel.WhatsApp) with { Body = body });

        Assert.False(refused.Succeeded);
        Assert.Contains(message, string.Join(" ", refused.Errors[field]), StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.False(await db.NotificationTemplates.AnyAsync());
    }

    [Fact]
    public async Task Subject_and_whatsapp_template_name_are_checked_too()
    {
        await using var scope = _services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();

        var subject = await templates.SaveAsync(Draft(NotificationEvents.InvoiceIssued, NotificationChannel.Email) with { Subject = "Tagihan {nomor}" });
        var noSubject = await templates.SaveAsync(Draft(NotificationEvents.InvoiceIssued, NotificationChannel.Email) with { Subject = " " });
        var name = await templates.SaveAsync(Draft(NotificationEvents.InvoiceIssued, NotificationChannel.WhatsApp) with { WhatsAppTemplateName = "Invoice Baru!" });
        var language = await templates.SaveAsync(Draft(NotificationEvents.InvoiceIssued, NotificationChannel.WhatsApp) with { WhatsAppLanguage = "indonesia" });

        Assert.Contains("Placeholder {nomor} tidak dikenal", string.Join(" ", subject.Errors[nameof(TemplateDraft.Subject)]), StringComparison.Ordinal);
        Assert.Equal(["Subjek wajib diisi."], noSubject.Errors[nameof(TemplateDraft.Subject)]);
        Assert.True(name.Errors.ContainsKey(nameof(TemplateDraft.WhatsAppTemplateName)));
        Assert.True(language.Errors.ContainsKey(nameof(TemplateDraft.WhatsAppLanguage)));
    }

    [Fact]
    public async Task The_preview_fills_the_examples_and_the_company_name_and_numbers_the_whatsapp_parameters()
    {
        await using var scope = _services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();

        var preview = await templates.PreviewAsync(Draft(NotificationEvents.InvoiceIssued, NotificationChannel.Email) with
        {
            Body = "{nama}, tagihan {nomor_tagihan} dari {nama_isp}: {total}.",
        });

        Assert.Equal("Budi Santoso, tagihan INV/2025/02/000123 dari NetKita: Rp 222.000.", preview.Body);
        Assert.Equal("Tagihan INV/2025/02/000123 dari NetKita", preview.Subject);
        Assert.Equal([(1, "nama", "Budi Santoso"), (2, "nomor_tagihan", "INV/2025/02/000123"), (3, "nama_isp", "NetKita"), (4, "total", "Rp 222.000")], preview.Parameters);
        Assert.Empty(preview.Problems);
    }

    [Fact]
    public async Task Reset_goes_back_to_the_default_and_the_dispatcher_sends_the_default_text_again()
    {
        await using var scope = _services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();
        Assert.True((await templates.SaveAsync(Draft(NotificationEvents.Reactivation, NotificationChannel.WhatsApp) with { Body = "Aktif lagi, {nama}!" })).Succeeded);

        var reset = await templates.ResetAsync(NotificationEvents.Reactivation.Key, NotificationChannel.WhatsApp);

        Assert.Equal((NotificationEvents.Reactivation.DefaultBody, false), (reset.Body, reset.IsCustomized));
        await using var db = database.CreateDbContext();
        Assert.False(await db.NotificationTemplates.AnyAsync());
    }

    [Fact]
    public async Task An_event_switched_off_for_a_channel_is_cancelled_and_logged_instead_of_sent()
    {
        await using var standIn = await WhatsAppCloudStandIn.StartAsync(Token);
        await using var scope = _services.CreateAsyncScope();
        var protector = _services.GetRequiredService<ISecretProtector>();
        Assert.True((await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new NotificationSettings
        {
            WhatsAppProvider = WhatsAppProvider.CloudApi,
            CloudApiBaseUrl = standIn.BaseAddress.ToString(),
            CloudApiPhoneNumberId = "1",
            CloudApiAccessTokenEncrypted = protector.Protect(SecretKind.NotificationCredential, Token),
        }, Actor.System)).Succeeded);
        var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();
        Assert.True((await templates.SaveAsync(Draft(NotificationEvents.InvoiceReminder, NotificationChannel.WhatsApp) with { IsActive = false })).Succeeded);
        await using (var db = database.CreateDbContext())
        {
            db.OutboxMessages.Add(new OutboxMessage("reminder:off", NotificationChannel.WhatsApp, "+6281200000031", NotificationEvents.InvoiceReminder.Key, JsonSerializer.Serialize(new { nama = "Ani" }), _clock.GetUtcNow()));
            db.OutboxMessages.Add(new OutboxMessage("receipt:on", NotificationChannel.WhatsApp, "+6281200000032", NotificationEvents.PaymentReceipt.Key, JsonSerializer.Serialize(new { nama = "Ani" }), _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var summary = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();

        Assert.Equal((2, 1, 1), (summary.Claimed, summary.Sent, summary.Skipped));
        Assert.Equal("6281200000032", Assert.Single(standIn.Received).To);
        await using var after = database.CreateDbContext();
        var off = await after.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "reminder:off");
        Assert.Equal(OutboxStatus.Cancelled, off.Status);
        Assert.Equal(NotificationLogStatus.SkippedDisabled, (await after.NotificationLogs.SingleAsync(l => l.OutboxMessageId == off.Id)).Status);
    }

    private static TemplateDraft Draft(NotificationEvent notification, NotificationChannel channel) => NotificationTemplates.Default(notification, channel);
}
