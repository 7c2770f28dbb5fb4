using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IspPortal.Tests.Notifications;

/// <summary>E-mail from the outbox through MailKit to a real SMTP server (aiosmtpd) on loopback.</summary>
public sealed class EmailDeliveryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 10:00 in Jakarta: outside the quiet hours.
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
    public async Task An_invoice_email_arrives_with_its_subject_text_html_and_pdf_attachment()
    {
        await using var sink = await SmtpSink.StartAsync();
        await UseSmtpAsync(sink.Port);
        var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        await QueueAsync("invoice:E1", "budi@example.co.id", NotificationEvents.InvoiceIssued,
            new() { ["nama"] = "Budi <Santoso>", ["nomor_tagihan"] = "INV/2026/11/000001", ["periode"] = "November 2026", ["total"] = "Rp 200.000", ["jatuh_tempo"] = "10-12-2026", ["link_bayar"] = "https://bayar.example/1" },
            ("INV-2026-11-000001.pdf", "application/pdf", pdf));

        var summary = await DispatchAsync();

        Assert.Equal((1, 1, null), (summary.Claimed, summary.Sent, await LastErrorAsync()));
        var mail = Assert.Single(sink.Received());
        Assert.Equal("Tagihan INV/2026/11/000001 dari NetKita", mail.Subject);
        Assert.Equal("tagihan@netkita.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal("budi@example.co.id", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Halo Budi <Santoso>, tagihan INV/2026/11/000001 periode November 2026 sebesar Rp 200.000", mail.TextBody, StringComparison.Ordinal);
        // The HTML body is the text escaped, so a customer's name cannot inject markup.
        Assert.Contains("Halo Budi &lt;Santoso&gt;", mail.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(("INV-2026-11-000001.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task Starttls_to_a_private_server_is_accepted_only_with_its_pinned_certificate()
    {
        var folder = Directory.CreateTempSubdirectory("ispportal-smtp-tls-").FullName;
        try
        {
            var (certificatePath, keyPath, fingerprint) = SelfSignedCertificate(folder);
            await using var sink = await SmtpSink.StartAsync((certificatePath, keyPath));

            // A self-signed certificate without a pin: refused before anything is sent, and retried later.
            await UseSmtpAsync(sink.Port, fingerprint: null);
            await QueueAsync("receipt:T1", "sri@example.co.id", NotificationEvents.PaymentReceipt,
                new() { ["nama"] = "Sri", ["nomor_tagihan"] = "INV/2026/11/000002", ["jumlah"] = "Rp 150.000", ["tanggal_bayar"] = "24-11-2026", ["metode"] = "Tunai" });
            var refused = await DispatchAsync();
            Assert.Equal((1, 0, 1), (refused.Claimed, refused.Sent, refused.Retrying));
            Assert.Empty(sink.Received());

            await UseSmtpAsync(sink.Port, fingerprint: fingerprint);
            _clock.Advance(TimeSpan.FromMinutes(1));
            var pinned = await DispatchAsync();

            Assert.Equal(1, pinned.Sent);
            Assert.Equal("Pembayaran INV/2026/11/000002 diterima", Assert.Single(sink.Received()).Subject);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_mail_server_that_is_down_is_retried_and_an_address_it_refuses_is_not()
    {
        await UseSmtpAsync(FreePorts.Consecutive(1));
        await QueueAsync("receipt:D1", "sri@example.co.id", NotificationEvents.Reactivation, new() { ["nama"] = "Sri", ["kode_pelanggan"] = "X" });

        var down = await DispatchAsync();
        await using var db = Db();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal((1, OutboxStatus.Pending), (down.Retrying, message.Status));
        Assert.Contains("Server email tidak dapat dipakai", message.LastError, StringComparison.Ordinal);

        var malformed = new OutboxMessage("receipt:D2", NotificationChannel.Email, "not an address", NotificationEvents.Reactivation.Key, "{}", _clock.GetUtcNow());
        db.OutboxMessages.Add(malformed);
        await db.SaveChangesAsync();
        await using var sink = await SmtpSink.StartAsync();
        await UseSmtpAsync(sink.Port);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var second = await DispatchAsync();

        Assert.Equal((2, 1, 1), (second.Claimed, second.Sent, second.Failed));
        await db.Entry(malformed).ReloadAsync();
        Assert.Equal(OutboxStatus.Failed, malformed.Status);
        Assert.Contains("Alamat email tujuan tidak valid", malformed.LastError, StringComparison.Ordinal);
        Assert.Single(sink.Received());
    }

    [Fact]
    public void An_attachment_must_be_a_plain_file_name_within_the_size_limit()
    {
        var message = new OutboxMessage("x", NotificationChannel.Email, "a@b.c", NotificationEvents.InvoiceIssued.Key, "{}", _clock.GetUtcNow());

        Assert.Throws<ArgumentException>(() => message.Attach("../../etc/passwd", "application/pdf", [1]));
        Assert.Throws<ArgumentException>(() => message.Attach("empty.pdf", "application/pdf", []));
        Assert.Throws<ArgumentException>(() => message.Attach("no-type.pdf", "pdf", [1]));
        Assert.Throws<ArgumentException>(() => message.Attach("big.pdf", "application/pdf", new byte[NotificationAttachment.MaxBytes + 1]));
        message.Attach("ok.pdf", "application/pdf", [1, 2, 3]);
        Assert.Equal("ok.pdf", Assert.Single(message.Attachments).FileName);
    }

    /// <summary>A certificate for a name no public authority vouches for, written as the PEM files aiosmtpd reads.</summary>
    private static (string Certificate, string Key, string Fingerprint) SelfSignedCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mail.netkita.internal", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificatePath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }

    private async Task<string?> LastErrorAsync()
    {
        await using var db = Db();
        return await db.OutboxMessages.OrderByDescending(m => m.Id).Select(m => m.LastError).FirstAsync();
    }

    private async Task UseSmtpAsync(int port, string? fingerprint = null)
    {
        await using var scope = _services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new NotificationSettings
        {
            SmtpHost = "127.0.0.1",
            SmtpPort = port,
            SmtpCertificateFingerprint = fingerprint,
            EmailFromAddress = "tagihan@netkita.example",
            EmailFromName = "NetKita",
        }, Actor.System)).Succeeded);
    }

    private async Task QueueAsync(string key, string to, NotificationEvent notification, Dictionary<string, string> values, params (string Name, string Type, byte[] Content)[] files)
    {
        await using var db = Db();
        var message = new OutboxMessage(key, NotificationChannel.Email, to, notification.Key, JsonSerializer.Serialize(values), _clock.GetUtcNow());
        foreach (var (name, type, content) in files)
            message.Attach(name, type, content);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
    }

    private async Task<DispatchSummary> DispatchAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
    }

    private IspPortal.Infrastructure.Persistence.IspDbContext Db() => database.CreateDbContext();
}
