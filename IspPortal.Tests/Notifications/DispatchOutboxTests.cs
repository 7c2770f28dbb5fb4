using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>The outbox dispatcher against the Cloud API stand-in over loopback HTTP, on a manual clock.</summary>
public sealed class DispatchOutboxTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Token = "standin-token-123";
    // 10:00 in Jakarta (WIB, UTC+7): outside the quiet hours.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private WhatsAppCloudStandIn _standIn = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        _standIn = await WhatsAppCloudStandIn.StartAsync(Token);
        var protector = _services.GetRequiredService<ISecretProtector>();
        await using var scope = _services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        Assert.True((await settings.SaveAsync(WhatsAppWebhookSetup.CloudApiStandIn(protector, _standIn, Token) with { MaxAttempts = 3 }, Actor.System)).Succeeded);
        Assert.True((await settings.SaveAsync(new CompanyProfile { Name = "NetKita" }, Actor.System)).Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _standIn.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_due_message_is_sent_once_with_its_text_and_the_attempt_is_logged()
    {
        var id = await QueueAsync("reactivation:A", "+6281200000001", NotificationEvents.Reactivation, new() { ["nama"] = "Budi", ["kode_pelanggan"] = "KCB-CKP010225-001" });

        var first = await DispatchAsync();
        var second = await DispatchAsync();

        Assert.Equal((1, 1), (first.Claimed, first.Sent));
        Assert.Equal(0, second.Claimed);
        var sent = Assert.Single(_standIn.Received);
        Assert.Equal(("6281200000001", "text"), (sent.To, sent.Type));
        Assert.Equal("Halo Budi, layanan internet KCB-CKP010225-001 telah aktif kembali. Terima kasih.", sent.Text);
        await using var db = Db();
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Sent, sent.Wamid, 1), (message.Status, message.ProviderMessageId, message.AttemptCount));
        var log = await db.NotificationLogs.SingleAsync(l => l.OutboxMessageId == id);
        Assert.Equal((NotificationLogStatus.Sent, "CloudApi", sent.Wamid), (log.Status, log.Provider, log.ProviderMessageId));
    }

    [Fact]
    public async Task A_message_claimed_by_a_sender_that_died_is_sent_once_after_the_lease()
    {
        var id = await QueueAsync("reactivation:B", "+6281200000002", NotificationEvents.Reactivation, new() { ["nama"] = "Sri", ["kode_pelanggan"] = "X" });
        await using (var scope = _services.CreateAsyncScope())
        {
            // The process claimed it, then died before sending.
            var now = _clock.GetUtcNow();
            Assert.Equal([id], await scope.ServiceProvider.GetRequiredService<IOutboxClaims>().ClaimDueAsync(now, now + DispatchOutbox.Lease, 10, [NotificationChannel.WhatsApp]));
        }

        var whileLeased = await DispatchAsync();
        _clock.Advance(DispatchOutbox.Lease + TimeSpan.FromSeconds(1));
        var afterLease = await DispatchAsync();
        var again = await DispatchAsync();

        Assert.Equal(0, whileLeased.Claimed);
        Assert.Equal(1, afterLease.Sent);
        Assert.Equal(0, again.Claimed);
        Assert.Single(_standIn.Received, m => m.To == "6281200000002");
    }

    [Fact]
    public async Task A_transient_failure_comes_back_after_the_backoff_and_a_permanent_one_stops()
    {
        _standIn.FailFor("+6281200000003", 500, 131016, "Service temporarily unavailable");
        _standIn.FailFor("+6281200000004", 400, 131026, "Message undeliverable");
        var transient = await QueueAsync("reactivation:C", "+6281200000003", NotificationEvents.Reactivation, new() { ["nama"] = "C" });
        var permanent = await QueueAsync("reactivation:D", "+6281200000004", NotificationEvents.Reactivation, new() { ["nama"] = "D" });
        var started = _clock.GetUtcNow();

        var first = await DispatchAsync();
        _clock.Advance(TimeSpan.FromSeconds(20));
        var tooEarly = await DispatchAsync();
        _clock.Advance(TimeSpan.FromSeconds(20));
        _standIn.StopFailingFor("+6281200000003");
        var retried = await DispatchAsync();

        Assert.Equal((2, 1, 1), (first.Claimed, first.Retrying, first.Failed));
        Assert.Equal(0, tooEarly.Claimed);
        Assert.Equal(1, retried.Sent);
        await using var db = Db();
        var failed = await db.OutboxMessages.SingleAsync(m => m.Id == permanent);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("131026", failed.LastError, StringComparison.Ordinal);
        var logs = await db.NotificationLogs.Where(l => l.OutboxMessageId == transient).OrderBy(l => l.Attempt).ToListAsync();
        Assert.Equal([NotificationLogStatus.TransientFailure, NotificationLogStatus.Sent], logs.Select(l => l.Status));
        Assert.Equal(["131016", null], logs.Select(l => l.ErrorCode));
        Assert.Equal(2, (await db.OutboxMessages.SingleAsync(m => m.Id == transient)).AttemptCount);
        Assert.True(logs[1].OccurredAt - started >= TimeSpan.FromSeconds(24));
    }

    [Fact]
    public async Task The_last_allowed_attempt_fails_for_good()
    {
        _standIn.FailFor("+6281200000005", 503, 2, "Temporarily unavailable");
        var id = await QueueAsync("reactivation:E", "+6281200000005", NotificationEvents.Reactivation, new() { ["nama"] = "E" });

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await DispatchAsync();
            _clock.Advance(TimeSpan.FromHours(1));
        }

        await using var db = Db();
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Failed, 3), (message.Status, message.AttemptCount));
        Assert.Equal(3, _standIn.Received.Count(m => m.To == "6281200000005"));
    }

    [Fact]
    public async Task Reminders_wait_for_the_end_of_the_quiet_hours_but_receipts_do_not()
    {
        _clock.Advance(TimeSpan.FromHours(12)); // 22:00 WIB
        var reminder = await QueueAsync("reminder:F", "+6281200000006", NotificationEvents.InvoiceReminder, new() { ["nama"] = "F", ["total"] = "Rp 150.000" });
        var receipt = await QueueAsync("receipt:F", "+6281200000006", NotificationEvents.PaymentReceipt, new() { ["nama"] = "F", ["jumlah"] = "Rp 150.000" });

        var atNight = await DispatchAsync();

        Assert.Equal((1, 1), (atNight.Sent, atNight.Skipped));
        await using var db = Db();
        var waiting = await db.OutboxMessages.SingleAsync(m => m.Id == reminder);
        Assert.Equal((OutboxStatus.Pending, 0), (waiting.Status, waiting.AttemptCount));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), waiting.NextAttemptAt); // 07:00 WIB
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync(m => m.Id == receipt)).Status);
    }

    [Fact]
    public async Task An_outage_alert_to_the_NOC_goes_out_at_night_with_its_text()
    {
        _clock.Advance(TimeSpan.FromHours(13)); // 23:00 WIB
        var alert = await QueueAsync("network-alert:1:opened:x", "+6281200000009", NotificationEvents.NetworkAlertOpened, new()
        {
            ["nama"] = "Nina", ["jenis"] = "Router tidak terjangkau", ["router"] = "KRW", ["mulai"] = "24/11/2026 22:58", ["pesan"] = "timeout", ["link_monitoring"] = "http://localhost:5000/network/monitoring",
        });

        var atNight = await DispatchAsync();

        Assert.Equal((1, 0), (atNight.Sent, atNight.Skipped));
        var sent = Assert.Single(_standIn.Received, m => m.To == "6281200000009");
        Assert.Contains("PERINGATAN Router tidak terjangkau di router KRW sejak 24/11/2026 22:58: timeout", sent.Text, StringComparison.Ordinal);
        await using var db = Db();
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync(m => m.Id == alert)).Status);
    }

    [Fact]
    public async Task The_welcome_carries_the_password_from_the_encrypted_secret_and_is_stored_masked_and_opt_out_skips_only_reminders()
    {
        var customerId = await CustomerAsync(optOut: true, password: "Ab3dEf9h");
        var welcome = await QueueAsync("welcome:G", "+6281200000007", NotificationEvents.CustomerWelcome,
            new() { ["nama"] = "Gita", ["kode_pelanggan"] = "KCB-CKP241126-001", ["paket"] = "Rumahan 20", ["username_pppoe"] = "CKP123", ["tanggal_instalasi"] = "26-11-2026" }, customerId);
        var reminder = await QueueAsync("reminder:G", "+6281200000007", NotificationEvents.InvoiceReminder, new() { ["nama"] = "Gita" }, customerId);

        await DispatchAsync();

        var sent = Assert.Single(_standIn.Received);
        Assert.Contains("username CKP123, password Ab3dEf9h", sent.Text, StringComparison.Ordinal);
        Assert.Contains("selamat bergabung di NetKita", sent.Text, StringComparison.Ordinal);
        await using var db = Db();
        var stored = await db.OutboxMessages.SingleAsync(m => m.Id == welcome);
        Assert.DoesNotContain("Ab3dEf9h", stored.Body, StringComparison.Ordinal);
        Assert.Contains(DispatchOutbox.PasswordMask, stored.Body, StringComparison.Ordinal);
        var skipped = await db.OutboxMessages.SingleAsync(m => m.Id == reminder);
        Assert.Equal(OutboxStatus.Cancelled, skipped.Status);
        Assert.Equal(NotificationLogStatus.SkippedOptOut, (await db.NotificationLogs.SingleAsync(l => l.OutboxMessageId == reminder)).Status);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_an_approved_template_goes_out_with_the_placeholders_in_order()
    {
        await using (var db = Db())
        {
            db.NotificationTemplates.Add(new NotificationTemplate(NotificationEvents.InvoiceIssued.Key, NotificationChannel.WhatsApp, _clock.GetUtcNow())
            {
                Body = "Halo {nama}, tagihan {nomor_tagihan} sebesar {total} jatuh tempo {jatuh_tempo}.",
                WhatsAppTemplateName = "invoice_issued_v2",
            });
            await db.SaveChangesAsync();
        }
        await QueueAsync("invoice:H", "+6281200000008", NotificationEvents.InvoiceIssued,
            new() { ["nama"] = "Hadi", ["nomor_tagihan"] = "INV/2026/11/000001", ["total"] = "Rp 200.000", ["jatuh_tempo"] = "10-12-2026" });

        await DispatchAsync();

        var sent = Assert.Single(_standIn.Received);
        Assert.Equal(("template", "invoice_issued_v2"), (sent.Type, sent.TemplateName));
        Assert.Equal(["Hadi", "INV/2026/11/000001", "Rp 200.000", "10-12-2026"], sent.TemplateParameters);
    }

    [Fact]
    public async Task An_attached_pdf_is_uploaded_and_goes_as_the_templates_document_header_or_as_a_document_with_the_text_as_caption()
    {
        await using (var db = Db())
        {
            db.NotificationTemplates.Add(new NotificationTemplate(NotificationEvents.InvoiceIssued.Key, NotificationChannel.WhatsApp, _clock.GetUtcNow())
            {
                Body = "Halo {nama}, tagihan {nomor_tagihan} terlampir.",
                WhatsAppTemplateName = "invoice_with_pdf",
            });
            await db.SaveChangesAsync();
        }
        var pdf = "%PDF-1.7 invoice"u8.ToArray();
        var receipt = "%PDF-1.7 receipt"u8.ToArray();
        await QueueAsync("invoice:PDF", "+6281200000011", NotificationEvents.InvoiceIssued, new() { ["nama"] = "Rina", ["nomor_tagihan"] = "INV/2026/11/000009" },
            attachment: ("INV-2026-11-000009.pdf", pdf));
        await QueueAsync("receipt:PDF", "+6281200000012", NotificationEvents.PaymentReceipt, new() { ["nama"] = "Rina", ["nomor_tagihan"] = "INV/2026/11/000009", ["jumlah"] = "Rp 1" },
            attachment: ("KWT-000009.pdf", receipt));

        Assert.Equal(2, (await DispatchAsync()).Sent);

        var template = _standIn.Received.Single(m => m.To == "6281200000011");
        Assert.Equal(("template", "invoice_with_pdf"), (template.Type, template.TemplateName));
        Assert.Equal(["Rina", "INV/2026/11/000009"], template.TemplateParameters);
        Assert.Equal(("INV-2026-11-000009.pdf", "application/pdf"), (template.Document?.FileName, template.Document?.ContentType));
        Assert.Equal(pdf, template.Document!.Content);
        var document = _standIn.Received.Single(m => m.To == "6281200000012");
        Assert.Equal(("document", "KWT-000009.pdf"), (document.Type, document.Document?.FileName));
        Assert.Equal(receipt, document.Document!.Content);
        Assert.StartsWith("Terima kasih Rina, pembayaran Rp 1 untuk tagihan INV/2026/11/000009", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_whatsapp_switched_off_messages_wait_instead_of_failing()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
            var current = await settings.GetAsync<NotificationSettings>();
            Assert.True((await settings.SaveAsync(current with { WhatsAppProvider = WhatsAppProvider.Disabled }, Actor.System)).Succeeded);
        }
        var id = await QueueAsync("reactivation:W", "+6281200000009", NotificationEvents.Reactivation, new() { ["nama"] = "W" });

        var summary = await DispatchAsync();

        Assert.Equal(0, summary.Claimed);
        Assert.Empty(_standIn.Received);
        await using var db = Db();
        var waiting = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Pending, 0), (waiting.Status, waiting.AttemptCount));
    }

    [Theory]
    [InlineData(1, 0.5, 30)]
    [InlineData(2, 0.5, 60)]
    [InlineData(5, 0.5, 480)]
    [InlineData(20, 0.5, 21_600)]
    [InlineData(1, 0, 24)]
    [InlineData(1, 1, 36)]
    public void Backoff_doubles_from_30_seconds_up_to_6_hours_within_20_percent(int attempt, double jitter, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DispatchOutbox.Backoff(attempt, jitter));
    }

    private IspPortal.Infrastructure.Persistence.IspDbContext Db() => database.CreateDbContext();

    private async Task<DispatchSummary> DispatchAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
    }

    private async Task<long> QueueAsync(string key, string to, NotificationEvent notification, Dictionary<string, string> values, int? customerId = null,
        (string Name, byte[] Content)? attachment = null)
    {
        await using var db = Db();
        var message = new OutboxMessage(key, NotificationChannel.WhatsApp, to, notification.Key, JsonSerializer.Serialize(values), _clock.GetUtcNow(), customerId);
        if (attachment is { } file)
            message.Attach(file.Name, "application/pdf", file.Content);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<int> CustomerAsync(bool optOut, string password)
    {
        var protector = _services.GetRequiredService<ISecretProtector>();
        await using var db = Db();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = _clock.GetUtcNow() };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20", MikrotikProfile = "paket-20M", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = _clock.GetUtcNow() };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        var router = new Router("CKP", "Cikampek", location.Id, "127.0.0.1", 8728, "admin", protector.Protect(SecretKind.RouterPassword, "x"), _clock.GetUtcNow()) { IsolationProfile = "isolir" };
        db.Routers.Add(router);
        var customer = new Customer("KCB-CKP241126-001", "Gita", "+6281200000007", location.Id, package.Id, _clock.GetUtcNow()) { NotificationsOptOut = optOut };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        db.PppoeSecrets.Add(new PppoeSecret(router.Id, customer.Id, "CKP123", protector.Protect(SecretKind.PppoePassword, password), "paket-20M", false, _clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return customer.Id;
    }
}
