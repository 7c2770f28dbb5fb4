using System.Net;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Automation;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Routers;
using IspPortal.Infrastructure.StandIns.RouterOs;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>
/// The whole billing loop on the clock (<see cref="ManualTimeProvider"/>) against a simulated router
/// over the real RouterOS protocol: the billing job ticking every day issues the invoice on the 1st,
/// reminds at H-7, H-3, H-1, H+3 and H+7, isolates at H+10 and lets the customer back when the QRIS
/// payment's notification arrives.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync.")]
public sealed class BillingLoopTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Password = "Loop#2025";
    // 31 January 2025 23:30 in Jakarta (UTC+7).
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 31, 16, 30, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private RouterOsSimulator _router = null!;
    private string _customerCode = "";
    private string _profile = "";

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        // One secret, CKP100, online on one of the simulator's package profiles.
        _router = new RouterOsSimulator(new RouterOsSimulatorOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Password = Password, Identity = "CKP", Secrets = 1, Active = 1 });
        await _router.StartAsync();
        _profile = _router.Router.Secrets.Single().Profile;

        await using var scope = _services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = _clock.GetUtcNow() };
        var package = new ServicePackage { Code = "HOME-10", Name = "Rumahan 10 Mbps", MikrotikProfile = _profile, DownloadMbps = 10, UploadMbps = 10, MonthlyPrice = 150_000m, CreatedAt = _clock.GetUtcNow() };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        var saved = await services.GetRequiredService<SaveRouter>().ExecuteAsync(new RouterInput(null, "CKP", "Cikampek", location.Id, null,
            "127.0.0.1", _router.Port, false, null, "admin", Password, IsolationMethod.Profile, SimulatedRouter.IsolationProfile, null, null));
        Assert.True(saved.Succeeded, saved.FirstError);

        var registered = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var customer = new Customer("KCB-CKP011224-001", "Budi Santoso", "+6281234567890", location.Id, package.Id, registered) { Email = "budi@example.test" };
        customer.AssignRouter(saved.Value!.Id);
        customer.ScheduleInstallation(new DateOnly(2025, 2, 1), null);
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, registered);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var secret = new PppoeSecret(saved.Value.Id, customer.Id, "CKP100", services.GetRequiredService<ISecretProtector>().Protect(SecretKind.PppoePassword, "rahasia"), _profile, false, registered);
        secret.MarkProvisioned(null, registered);
        db.PppoeSecrets.Add(secret);
        await db.SaveChangesAsync();
        _customerCode = customer.Code;
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Invoice_on_the_first_reminders_isolir_at_H_plus_10_then_payment_brings_the_customer_back()
    {
        // January's run finds nothing to bill: the service starts in February.
        Assert.Equal(0, (await TickAsync())!.Invoices!.Created);

        await TickAtAsync(new DateOnly(2025, 2, 1), new TimeOnly(0, 1));
        await using (var db = database.CreateDbContext())
        {
            var invoice = await db.Invoices.SingleAsync();
            Assert.Equal(("INV/2025/02/000001", new DateOnly(2025, 2, 10), 150_000m), (invoice.Number, invoice.DueDate, invoice.Total));
            Assert.Equal(["invoice-issued:INV/2025/02/000001:Email", "invoice-issued:INV/2025/02/000001:WhatsApp"],
                await db.OutboxMessages.Select(m => m.IdempotencyKey).OrderBy(k => k).ToListAsync());
        }

        // Every day of February up to H+9 at 10:05, twice: reminders go out on their days, once each; the customer stays online.
        for (var day = new DateOnly(2025, 2, 1); day <= new DateOnly(2025, 2, 19); day = day.AddDays(1))
        {
            await TickAtAsync(day, new TimeOnly(10, 5));
            await TickAsync();
        }
        await using (var db = database.CreateDbContext())
        {
            var reminders = await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("invoice-reminder:") && m.Channel == IspPortal.Core.Notifications.NotificationChannel.WhatsApp)
                .OrderBy(m => m.Id).Select(m => new { m.IdempotencyKey, m.Template, m.CreatedAt }).ToListAsync();
            Assert.Equal(["-7", "-3", "-1", "+3", "+7"], reminders.Select(r => r.IdempotencyKey.Split(':')[2]));
            Assert.Equal(["invoice_reminder", "invoice_reminder", "invoice_reminder", "invoice_overdue", "invoice_overdue"], reminders.Select(r => r.Template));
            Assert.Equal([3, 7, 9, 13, 17], reminders.Select(r => TimeZoneInfo.ConvertTime(r.CreatedAt, Jakarta).Day));
            Assert.Equal(InvoiceStatus.Overdue, (await db.Invoices.SingleAsync()).Status);
            Assert.Equal(CustomerStatus.Active, (await db.Customers.SingleAsync()).Status);
        }
        Assert.Equal(_profile, _router.Router.Secrets.Single(s => s.Name == "CKP100").Profile);

        // H+10 at 09:05: the overdue check isolates on the router, with the notice.
        var isolation = await TickAtAsync(new DateOnly(2025, 2, 20), new TimeOnly(9, 5));
        Assert.Equal((1, 0, 0), (isolation!.Overdue!.Isolated, isolation.Overdue.Exempt, isolation.Overdue.Failed));
        Assert.Equal(SimulatedRouter.IsolationProfile, _router.Router.Secrets.Single(s => s.Name == "CKP100").Profile);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(CustomerStatus.Isolated, (await db.Customers.SingleAsync()).Status);
            var log = await db.CustomerStatusLogs.Where(l => l.ToValue == "Isolated").SingleAsync();
            Assert.Equal(StatusChangeSource.Billing, log.Source);
            Assert.StartsWith("Tagihan INV/2025/02/000001 sebesar Rp 150.000 belum dibayar 10 hari", log.Reason, StringComparison.Ordinal);
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Template == "isolation_notice"));
        }
        Assert.Null((await TickAsync())!.Overdue);

        // The customer scans the QRIS code from the pay link; Midtrans' signed notification (twice) brings them back once.
        _clock.Advance(TimeSpan.FromHours(3));
        await using var midtrans = await QrisBilling.StartMidtransAsync(_services);
        await using (var scope = _services.CreateAsyncScope())
        {
            var qris = await scope.ServiceProvider.GetRequiredService<CreateQrisPayment>().ExecuteAsync("INV/2025/02/000001");
            Assert.True(qris.Succeeded, qris.FirstError);
            Assert.Equal(150_000m, qris.Value!.Amount);
            var settlement = midtrans.Notification(qris.Value.OrderId, "settlement");
            var receive = scope.ServiceProvider.GetRequiredService<ReceiveGatewayNotification>();
            Assert.Equal(NotificationVerdict.Confirmed, (await receive.ExecuteAsync("midtrans", settlement)).Verdict);
            Assert.Equal(NotificationVerdict.Unchanged, (await receive.ExecuteAsync("midtrans", settlement)).Verdict);
        }
        Assert.Equal(_profile, _router.Router.Secrets.Single(s => s.Name == "CKP100").Profile);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(CustomerStatus.Active, (await db.Customers.SingleAsync()).Status);
            Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync()).Status);
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Template == "reactivation"));
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Template == "payment_receipt"));
        }
        Assert.Empty((await TickAsync())!.Reactivated);
    }

    [Fact]
    public async Task An_exempt_customer_is_not_isolated_until_the_promise_date_passes()
    {
        await using (var db = database.CreateDbContext())
        {
            var customer = await db.Customers.SingleAsync();
            customer.ExemptFromIsolation(new DateOnly(2025, 2, 22), "Janji bayar tanggal 22");
            await db.SaveChangesAsync();
        }
        await TickAtAsync(new DateOnly(2025, 2, 1), new TimeOnly(0, 1));

        var exempt = await TickAtAsync(new DateOnly(2025, 2, 20), new TimeOnly(9, 5));
        var after = await TickAtAsync(new DateOnly(2025, 2, 23), new TimeOnly(9, 5));

        Assert.Equal((0, 1), (exempt!.Overdue!.Isolated, exempt.Overdue.Exempt));
        Assert.Equal((1, 0), (after!.Overdue!.Isolated, after.Overdue.Exempt));
        Assert.Equal(SimulatedRouter.IsolationProfile, _router.Router.Secrets.Single(s => s.Name == "CKP100").Profile);
    }

    [Fact]
    public async Task A_customer_isolated_by_the_NOC_stays_isolated_when_the_invoice_is_paid()
    {
        await TickAtAsync(new DateOnly(2025, 2, 1), new TimeOnly(0, 1));
        await using (var scope = _services.CreateAsyncScope())
        {
            var isolated = await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Network.Isolation.CustomerIsolation>()
                .IsolateAsync(_customerCode, "Penyalahgunaan jaringan", StatusChangeSource.User);
            Assert.True(isolated.Succeeded, isolated.FirstError);
            var paid = await scope.ServiceProvider.GetRequiredService<RecordPayment>().ExecuteAsync(new PaymentInput(_customerCode, IspPortal.Core.Billing.PaymentMethod.Cash, 150_000m, "noc"));
            Assert.True(paid.Succeeded, paid.FirstError);
        }

        Assert.Empty((await TickAsync())!.Reactivated);
        await using var db = database.CreateDbContext();
        Assert.Equal(CustomerStatus.Isolated, (await db.Customers.SingleAsync()).Status);
    }

    [Fact]
    public async Task The_invoice_notice_and_the_receipt_go_by_email_with_their_PDFs_made_when_sent()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using (var scope = _services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Settings.PortalSettings>().SaveAsync(
                new IspPortal.Core.Notifications.NotificationSettings { SmtpHost = "127.0.0.1", SmtpPort = sink.Port, EmailFromAddress = "tagihan@netkita.example", EmailFromName = "NetKita" },
                IspPortal.Core.Identity.Actor.System);
            Assert.True(saved.Succeeded, saved.FirstError);
        }
        await TickAtAsync(new DateOnly(2025, 2, 1), new TimeOnly(0, 1));
        await TickAtAsync(new DateOnly(2025, 2, 2), new TimeOnly(11, 0));
        await using (var scope = _services.CreateAsyncScope())
        {
            var paid = await scope.ServiceProvider.GetRequiredService<RecordPayment>().ExecuteAsync(new PaymentInput(_customerCode, IspPortal.Core.Billing.PaymentMethod.Cash, 200_000m, "mail"));
            Assert.True(paid.Succeeded, paid.FirstError);
            await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Notifications.Sending.DispatchOutbox>().RunOnceAsync();
        }

        var mails = sink.Received().OrderBy(m => m.Subject, StringComparer.Ordinal).ToList();
        Assert.Equal(["Pembayaran INV/2025/02/000001 diterima", "Tagihan INV/2025/02/000001 dari ISP Saya"], mails.Select(m => m.Subject));
        var receipt = await PdfText.ExtractAsync(await AttachmentAsync(mails[0], "PAY-2025-02-000001.pdf"));
        var invoice = await PdfText.ExtractAsync(await AttachmentAsync(mails[1], "INV-2025-02-000001.pdf"));
        Assert.Contains("Rp 150.000", invoice, StringComparison.Ordinal);
        Assert.Contains("seratus lima puluh ribu rupiah", invoice, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Rp 200.000", receipt, StringComparison.Ordinal);
        Assert.Contains("dua ratus ribu rupiah", receipt, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<byte[]> AttachmentAsync(MimeKit.MimeMessage mail, string fileName)
    {
        var part = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(fileName, part.FileName);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return content.ToArray();
    }

    private static TimeZoneInfo Jakarta => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private async Task<BillingTick?> TickAtAsync(DateOnly day, TimeOnly time)
    {
        var at = new DateTimeOffset(day.ToDateTime(time), TimeSpan.FromHours(7));
        Assert.True(at >= _clock.GetUtcNow(), $"The clock only goes forward ({at} < {_clock.GetUtcNow()}).");
        _clock.Advance(at - _clock.GetUtcNow());
        return await TickAsync();
    }

    private async Task<BillingTick?> TickAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunBillingSchedule>().ExecuteAsync();
    }
}
