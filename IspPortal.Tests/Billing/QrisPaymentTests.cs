using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.Midtrans;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>QRIS from charge to confirmed payment, over real HTTP to the Midtrans stand-in and on real PostgreSQL.</summary>
public sealed class QrisPaymentTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ServiceProvider _services = default!;
    private MidtransStandIn _midtrans = default!;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(database.ConnectionString, _clock);
        _midtrans = await QrisBilling.StartMidtransAsync(_services);
    }

    public async Task DisposeAsync()
    {
        await _midtrans.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_paid_notification_confirms_the_payment_pays_the_invoice_and_queues_the_receipt()
    {
        var (customerId, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);

        var result = await NotifyAsync(_midtrans.Notification(qris.OrderId, "settlement"));

        Assert.Equal(NotificationVerdict.Confirmed, result.Verdict);
        await using var db = database.CreateDbContext();
        var payment = await db.Payments.Include(p => p.Allocations).SingleAsync(p => p.GatewayOrderId == qris.OrderId);
        Assert.Equal((PaymentStatus.Confirmed, PaymentMethod.Qris, 150_000m, "settlement"), (payment.Status, payment.Method, payment.Amount, payment.GatewayStatus));
        Assert.Equal(_midtrans.Order(qris.OrderId).TransactionId, payment.GatewayTransactionId);
        var invoice = await db.Invoices.SingleAsync(i => i.Number == invoiceNumber);
        Assert.Equal((InvoiceStatus.Paid, 150_000m), (invoice.Status, invoice.AmountPaid));
        var allocation = Assert.Single(payment.Allocations);
        Assert.Equal((invoice.Id, 150_000m), (allocation.InvoiceId, allocation.Amount));
        var receipts = await db.OutboxMessages.Where(m => m.CustomerId == customerId && m.IdempotencyKey.StartsWith("payment-receipt:")).ToListAsync();
        Assert.Equal(2, receipts.Count); // WhatsApp and e-mail
        Assert.All(receipts, r => Assert.Contains(invoiceNumber, r.Parameters, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_notification_twice_at_once_and_three_times_after_confirms_one_payment_once()
    {
        var (customerId, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);
        var body = _midtrans.Notification(qris.OrderId, "settlement");

        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => NotifyAsync(body))));
        var repeated = new List<NotificationResult>();
        for (var i = 0; i < 3; i++)
            repeated.Add(await NotifyAsync(body));

        Assert.Single(racing, r => r.Verdict == NotificationVerdict.Confirmed);
        Assert.All(racing.Concat(repeated).Where(r => r.Verdict != NotificationVerdict.Confirmed), r => Assert.Equal(NotificationVerdict.Unchanged, r.Verdict));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.CustomerId == customerId && p.Status == PaymentStatus.Confirmed));
        Assert.Equal(1, await db.PaymentAllocations.CountAsync(a => a.Payment!.CustomerId == customerId));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.CustomerId == customerId && m.IdempotencyKey.StartsWith("payment-receipt:") && m.Channel == IspPortal.Core.Notifications.NotificationChannel.WhatsApp));
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        Assert.Equal(0m, customer.CreditBalance);
    }

    [Fact]
    public async Task A_settlement_the_gateway_reports_for_another_amount_is_not_confirmed()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);
        var body = _midtrans.Notification(qris.OrderId, "settlement");
        _midtrans.Order(qris.OrderId).GrossAmount = 1500;

        var result = await NotifyAsync(body);

        Assert.Equal(NotificationVerdict.Mismatch, result.Verdict);
        await using var db = database.CreateDbContext();
        Assert.Equal(PaymentStatus.Pending, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
        var invoice = await db.Invoices.SingleAsync(i => i.Number == invoiceNumber);
        Assert.Equal((InvoiceStatus.Unpaid, 0m), (invoice.Status, invoice.AmountPaid));
    }

    [Fact]
    public async Task A_signed_notification_the_gateways_status_api_does_not_confirm_settles_nothing()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);
        // Signed with the real key (a leaked key, or a replay of another order's body shape), but the
        // customer never paid: Midtrans still says pending.
        var forged = _midtrans.Notification(qris.OrderId, "settlement");
        _midtrans.Order(qris.OrderId).Status = "pending";
        var forgedCheaper = _midtrans.Notification(qris.OrderId, "settlement", grossAmount: "1500.00");

        var results = new[] { await NotifyAsync(forged), await NotifyAsync(forgedCheaper) };

        Assert.All(results, r => Assert.Equal(NotificationVerdict.Unchanged, r.Verdict));
        await using var db = database.CreateDbContext();
        Assert.Equal(PaymentStatus.Pending, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
        var invoice = await db.Invoices.SingleAsync(i => i.Number == invoiceNumber);
        Assert.Equal((InvoiceStatus.Unpaid, 0m), (invoice.Status, invoice.AmountPaid));
    }

    [Fact]
    public async Task A_notification_whose_status_cannot_be_asked_is_unverified_and_applied_when_it_comes_again()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);
        var body = _midtrans.Notification(qris.OrderId, "settlement");
        await using var scope = _services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        var configured = await settings.GetAsync<PaymentGatewaySettings>();
        await settings.SaveAsync(configured with { MidtransBaseUrl = $"http://127.0.0.1:{FreePorts.Consecutive(1)}" }, Actor.System);

        var unreachable = await NotifyAsync(body);
        await using (var db = database.CreateDbContext())
            Assert.Equal(PaymentStatus.Pending, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
        await settings.SaveAsync(configured, Actor.System);
        var resent = await NotifyAsync(body);

        Assert.Equal(NotificationVerdict.Unverified, unreachable.Verdict);
        Assert.Equal(NotificationVerdict.Confirmed, resent.Verdict);
    }

    [Fact]
    public async Task A_forged_signature_is_refused_and_changes_nothing()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);

        var result = await NotifyAsync(_midtrans.Notification(qris.OrderId, "settlement", serverKey: "SB-Mid-server-GUESSED"));

        Assert.Equal(NotificationVerdict.Unauthorized, result.Verdict);
        await using var db = database.CreateDbContext();
        Assert.Equal(PaymentStatus.Pending, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
    }

    [Fact]
    public async Task An_expired_code_closes_the_payment_and_leaves_the_invoice_owing_until_a_late_settlement_confirms_it()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);

        var expired = await NotifyAsync(_midtrans.Notification(qris.OrderId, "expire"));

        Assert.Equal(NotificationVerdict.Closed, expired.Verdict);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(PaymentStatus.Expired, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
            var invoice = await db.Invoices.SingleAsync(i => i.Number == invoiceNumber);
            Assert.Equal((InvoiceStatus.Unpaid, 0m), (invoice.Status, invoice.AmountPaid));
        }

        // Out of order: the customer paid in the last second, and Midtrans took the money.
        var late = await NotifyAsync(_midtrans.Notification(qris.OrderId, "settlement"));

        Assert.Equal(NotificationVerdict.Confirmed, late.Verdict);
        await using var after = database.CreateDbContext();
        var payment = await after.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId);
        Assert.Equal((PaymentStatus.Confirmed, null), (payment.Status, payment.RejectionReason));
        Assert.Equal(InvoiceStatus.Paid, (await after.Invoices.SingleAsync(i => i.Number == invoiceNumber)).Status);
    }

    [Fact]
    public async Task A_code_paid_after_a_newer_one_settled_the_invoice_becomes_credit()
    {
        var (customerId, invoiceNumber) = await InvoiceAsync();
        var first = await CreateAsync(invoiceNumber);
        _clock.Advance(TimeSpan.FromMinutes(59));
        var second = await CreateAsync(invoiceNumber);

        Assert.NotEqual(first.OrderId, second.OrderId);
        Assert.Equal(NotificationVerdict.Confirmed, (await NotifyAsync(_midtrans.Notification(second.OrderId, "settlement"))).Verdict);
        Assert.Equal(NotificationVerdict.Confirmed, (await NotifyAsync(_midtrans.Notification(first.OrderId, "settlement"))).Verdict);

        await using var db = database.CreateDbContext();
        Assert.Equal(150_000m, (await db.Customers.SingleAsync(c => c.Id == customerId)).CreditBalance);
        Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync(i => i.Number == invoiceNumber)).Status);
    }

    [Fact]
    public async Task Asking_twice_or_twice_at_once_reuses_one_charge()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var charges = _midtrans.Charges;

        var first = await CreateAsync(invoiceNumber);
        var again = await CreateAsync(invoiceNumber);
        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => CreateAsync(invoiceNumber))));

        Assert.Equal(1, _midtrans.Charges - charges);
        Assert.All(together.Append(again), q => Assert.Equal((first.OrderId, first.QrString, first.PaymentNumber), (q.OrderId, q.QrString, q.PaymentNumber)));
        Assert.StartsWith("000201010212", first.QrString, StringComparison.Ordinal);
        Assert.Equal(CreateQrisPayment.OrderIdFor(invoiceNumber, 1), first.OrderId);
        Assert.Matches(@"^PAY/\d{4}/\d{2}/\d{6}$", first.PaymentNumber);
    }

    [Fact]
    public async Task A_refused_charge_is_kept_as_failed_under_its_order_id_and_the_next_attempt_gets_a_new_one()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        // Midtrans already has the first order id (say, from a database restored from a backup): it answers 406.
        var taken = CreateQrisPayment.OrderIdFor(invoiceNumber, 1);
        using (var client = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_midtrans.BaseAddress, "v2/charge")))
        {
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(QrisBilling.ServerKey + ":")));
            request.Content = System.Net.Http.Json.JsonContent.Create(new { payment_type = "qris", transaction_details = new { order_id = taken, gross_amount = 1000 } });
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var refused = await CreateQrisAsync(invoiceNumber);
        var retried = await CreateAsync(invoiceNumber);

        Assert.False(refused.Succeeded);
        Assert.Contains("QRIS tidak dapat dibuat", refused.FirstError, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var failed = await db.Payments.SingleAsync(p => p.GatewayOrderId == taken);
        Assert.Equal(PaymentStatus.Failed, failed.Status);
        Assert.Contains("406", failed.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(CreateQrisPayment.OrderIdFor(invoiceNumber, 2), retried.OrderId);
    }

    [Fact]
    public async Task Paid_and_void_invoices_and_an_unconfigured_gateway_are_refused_in_Indonesian()
    {
        var (_, paid) = await InvoiceAsync();
        var qris = await CreateAsync(paid);
        await NotifyAsync(_midtrans.Notification(qris.OrderId, "settlement"));
        var (_, voided) = await InvoiceAsync();
        await using (var db = database.CreateDbContext())
        {
            (await db.Invoices.SingleAsync(i => i.Number == voided)).Void("Salah tagih", null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Equal("Tagihan ini sudah lunas. Terima kasih.", (await CreateQrisAsync(paid)).FirstError);
        Assert.Equal("Tagihan ini sudah dibatalkan dan tidak perlu dibayar.", (await CreateQrisAsync(voided)).FirstError);
        Assert.Equal("Tagihan tidak ditemukan.", (await CreateQrisAsync("INV/1999/01/000001")).FirstError);

        await using var scope = _services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        await settings.SaveAsync(await settings.GetAsync<PaymentGatewaySettings>() with { Provider = PaymentGatewayProvider.None }, Actor.System);
        var (_, open) = await InvoiceAsync();
        Assert.StartsWith("Pembayaran QRIS belum diaktifkan", (await CreateQrisAsync(open)).FirstError, StringComparison.Ordinal);
        await settings.SaveAsync(await settings.GetAsync<PaymentGatewaySettings>() with { Provider = PaymentGatewayProvider.Midtrans }, Actor.System);
    }

    [Fact]
    public async Task A_notification_for_an_order_we_never_made_is_unknown()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateAsync(invoiceNumber);
        await using (var db = database.CreateDbContext())
            await db.Payments.Where(p => p.GatewayOrderId == qris.OrderId).ExecuteDeleteAsync();

        var result = await NotifyAsync(_midtrans.Notification(qris.OrderId, "settlement"));

        Assert.Equal((NotificationVerdict.UnknownOrder, qris.OrderId), (result.Verdict, result.OrderId));
    }

    [Fact]
    public async Task A_code_paid_without_a_notification_is_confirmed_when_the_billing_job_asks_the_gateway_after_it_expires()
    {
        var (_, paidInvoice) = await InvoiceAsync();
        var (_, unpaidInvoice) = await InvoiceAsync();
        var paid = await CreateAsync(paidInvoice);
        var unpaid = await CreateAsync(unpaidInvoice);
        // Settled at the gateway, but its notification never reached us.
        _midtrans.Order(paid.OrderId).Status = "settlement";
        _midtrans.Order(unpaid.OrderId).Status = "expire";

        var early = await ReconcileAsync();
        _clock.Advance(TimeSpan.FromMinutes(60) + ReconcileGatewayPayments.Grace + TimeSpan.FromSeconds(1));
        var changed = await ReconcileAsync();
        var again = await ReconcileAsync();

        Assert.Equal((0, 2, 0), (early, changed, again));
        await using var db = database.CreateDbContext();
        Assert.Equal(PaymentStatus.Confirmed, (await db.Payments.SingleAsync(p => p.GatewayOrderId == paid.OrderId)).Status);
        Assert.Equal(PaymentStatus.Expired, (await db.Payments.SingleAsync(p => p.GatewayOrderId == unpaid.OrderId)).Status);
        Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync(i => i.Number == paidInvoice)).Status);
    }

    private async Task<int> ReconcileAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReconcileGatewayPayments>().ExecuteAsync();
    }

    private async Task<(int CustomerId, string InvoiceNumber)> InvoiceAsync()
    {
        await using var db = database.CreateDbContext();
        return await QrisBilling.InvoiceAsync(db, 150_000m);
    }

    private async Task<QrisToPay> CreateAsync(string invoiceNumber)
    {
        var outcome = await CreateQrisAsync(invoiceNumber);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<IspPortal.Core.Common.Outcome<QrisToPay>> CreateQrisAsync(string invoiceNumber)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreateQrisPayment>().ExecuteAsync(invoiceNumber);
    }

    private async Task<NotificationResult> NotifyAsync(byte[] body)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiveGatewayNotification>().ExecuteAsync("midtrans", body);
    }
}
