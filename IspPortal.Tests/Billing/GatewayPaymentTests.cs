using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.StandIns.Midtrans;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>Every payment channel from charge to confirmed payment, over real HTTP to the Midtrans stand-in and on real PostgreSQL.</summary>
public sealed class GatewayPaymentTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const decimal Amount = 150_000m;

    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ServiceProvider _services = default!;
    private MidtransStandIn _midtrans = default!;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(database.ConnectionString, _clock);
        _midtrans = await QrisBilling.StartMidtransAsync(_services, expiryMinutes: 60);
    }

    public async Task DisposeAsync()
    {
        await _midtrans.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Theory]
    [InlineData(PaymentChannels.Qris, "qris", null)]
    [InlineData(PaymentChannels.VaBca, "bank_transfer", "bca")]
    [InlineData(PaymentChannels.VaBni, "bank_transfer", "bni")]
    [InlineData(PaymentChannels.VaBri, "bank_transfer", "bri")]
    [InlineData(PaymentChannels.VaPermata, "bank_transfer", "permata")]
    [InlineData(PaymentChannels.VaMandiri, "echannel", null)]
    [InlineData(PaymentChannels.GoPay, "gopay", null)]
    [InlineData(PaymentChannels.ShopeePay, "shopeepay", null)]
    public async Task Each_channel_is_charged_as_its_Midtrans_payment_type_and_stores_what_the_customer_pays_with(string channel, string paymentType, string? bank)
    {
        var (_, invoiceNumber) = await InvoiceAsync();

        var toPay = await CreateAsync(invoiceNumber, channel);

        var order = _midtrans.Order(toPay.OrderId);
        Assert.Equal((paymentType, bank, 150_000L), (order.PaymentType, order.Bank, order.GrossAmount));
        Assert.Equal((CreateGatewayPayment.OrderIdFor(invoiceNumber, 1), channel, Amount), (toPay.OrderId, toPay.Channel, toPay.Amount));
        Assert.Equal((order.QrString, order.VaNumber, order.BillerCode, order.DeeplinkUrl), (toPay.QrString, toPay.VaNumber, toPay.BillerCode, toPay.ActionUrl));
        var expectedLife = channel.StartsWith("va_", StringComparison.Ordinal) ? TimeSpan.FromHours(24) : TimeSpan.FromMinutes(60);
        Assert.InRange(toPay.ExpiresAt!.Value - DateTimeOffset.UtcNow, expectedLife - TimeSpan.FromMinutes(2), expectedLife + TimeSpan.FromMinutes(1));
        switch (paymentType)
        {
            case "bank_transfer":
                Assert.Matches(@"^\d{11,18}$", toPay.VaNumber);
                Assert.Null(toPay.ActionUrl);
                break;
            case "echannel":
                Assert.Equal(StandInOrder.MandiriBillerCode, toPay.BillerCode);
                Assert.Matches(@"^\d{12}$", toPay.VaNumber);
                break;
            case "gopay" or "shopeepay":
                Assert.StartsWith(_midtrans.BaseAddress.ToString(), toPay.ActionUrl, StringComparison.Ordinal);
                Assert.Equal(paymentType == "gopay", toPay.QrString is not null);
                break;
            default:
                Assert.StartsWith("000201010212", toPay.QrString, StringComparison.Ordinal);
                break;
        }

        await using var db = database.CreateDbContext();
        var payment = await db.Payments.SingleAsync(p => p.GatewayOrderId == toPay.OrderId);
        Assert.Equal((PaymentStatus.Pending, PaymentChannels.Find(channel)!.Method, channel, Amount, order.TransactionId),
            (payment.Status, payment.Method, payment.GatewayChannel, payment.Amount, payment.GatewayTransactionId));
        Assert.Equal((toPay.PaymentNumber, toPay.QrString, toPay.VaNumber, toPay.BillerCode, toPay.ActionUrl, toPay.ExpiresAt),
            (payment.Number, payment.GatewayQrString, payment.GatewayVaNumber, payment.GatewayBillerCode, payment.GatewayActionUrl, payment.GatewayExpiresAt));
    }

    [Theory]
    [InlineData(PaymentChannels.VaBca)]
    [InlineData(PaymentChannels.VaPermata)]
    [InlineData(PaymentChannels.VaMandiri)]
    [InlineData(PaymentChannels.GoPay)]
    [InlineData(PaymentChannels.ShopeePay)]
    public async Task Paying_at_the_gateway_confirms_the_payment_pays_the_invoice_and_posts_a_balanced_journal_entry(string channel)
    {
        var (customerId, invoiceNumber) = await InvoiceAsync();
        var toPay = await CreateAsync(invoiceNumber, channel);
        var body = _midtrans.Notification(toPay.OrderId, "settlement");

        var result = await NotifyAsync(body);

        Assert.Equal(NotificationVerdict.Confirmed, result.Verdict);
        AssertNotificationNamesWhatWasPaid(body, channel, toPay);
        await using var db = database.CreateDbContext();
        var payment = await db.Payments.Include(p => p.Allocations).SingleAsync(p => p.GatewayOrderId == toPay.OrderId);
        Assert.Equal((PaymentStatus.Confirmed, "settlement"), (payment.Status, payment.GatewayStatus));
        var invoice = await db.Invoices.SingleAsync(i => i.Number == invoiceNumber);
        Assert.Equal((InvoiceStatus.Paid, Amount), (invoice.Status, invoice.AmountPaid));
        Assert.Equal((invoice.Id, Amount), (Assert.Single(payment.Allocations).InvoiceId, payment.Allocations[0].Amount));
        var entry = await db.JournalEntries.Include(e => e.Lines).ThenInclude(l => l.Account)
            .SingleAsync(e => e.SourceType == JournalSource.Payment && e.SourceKey == payment.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(entry.Lines.Sum(l => l.Debit), entry.Lines.Sum(l => l.Credit));
        Assert.Equal(Amount, entry.Lines.Where(l => l.Account!.Role is AccountRoles.GatewayClearing or AccountRoles.GatewayFee).Sum(l => l.Debit));
        Assert.Equal(Amount, entry.Lines.Where(l => l.Account!.Role == AccountRoles.CustomerDeposit).Sum(l => l.Credit));
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.CustomerId == customerId && m.IdempotencyKey.StartsWith("payment-receipt:")));
    }

    [Fact]
    public async Task A_valid_charge_of_the_same_channel_is_shown_again_without_a_second_charge_until_too_little_time_is_left()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var charges = _midtrans.Charges;

        var first = await CreateAsync(invoiceNumber, PaymentChannels.VaBri);
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => CreateAsync(invoiceNumber, PaymentChannels.VaBri))));
        var wallet = await CreateAsync(invoiceNumber, PaymentChannels.ShopeePay);
        var showingBoth = await ShowingAsync(invoiceNumber);
        _clock.Advance(TimeSpan.FromMinutes(60) - CreateGatewayPayment.MinimumTimeToPay + TimeSpan.FromMinutes(1));
        var showingLater = await ShowingAsync(invoiceNumber);
        var walletLater = await CreateAsync(invoiceNumber, PaymentChannels.ShopeePay);

        Assert.Equal(3, _midtrans.Charges - charges);
        Assert.All(again, a => Assert.Equal(first, a));
        Assert.NotEqual(first.OrderId, wallet.OrderId);
        Assert.Equal([PaymentChannels.ShopeePay, PaymentChannels.VaBri], showingBoth.Select(s => s.Channel).Order(StringComparer.Ordinal));
        Assert.Equal(first, showingLater.Single(s => s.Channel == PaymentChannels.VaBri));
        Assert.DoesNotContain(showingLater, s => s.OrderId == wallet.OrderId);
        Assert.Equal(CreateGatewayPayment.OrderIdFor(invoiceNumber, 3), walletLater.OrderId);
    }

    [Fact]
    public async Task A_charge_the_gateway_refuses_is_kept_as_failed_under_its_order_id()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var taken = CreateGatewayPayment.OrderIdFor(invoiceNumber, 1);
        using (var response = await PostChargeAsync(new { payment_type = "bank_transfer", transaction_details = new { order_id = taken, gross_amount = 1000 }, bank_transfer = new { bank = "bni" } }))
            response.EnsureSuccessStatusCode();

        var refused = await CreateGatewayPaymentAsync(invoiceNumber, PaymentChannels.VaBni);

        Assert.Equal("Pembayaran Virtual Account BNI tidak dapat dibuat saat ini. Silakan coba lagi beberapa saat lagi.", refused.FirstError);
        await using var db = database.CreateDbContext();
        var failed = await db.Payments.SingleAsync(p => p.GatewayOrderId == taken);
        Assert.Equal((PaymentStatus.Failed, PaymentMethod.VirtualAccount, PaymentChannels.VaBni, null), (failed.Status, failed.Method, failed.GatewayChannel, failed.GatewayVaNumber));
        Assert.Contains("406", failed.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(await ShowingAsync(invoiceNumber));
    }

    [Fact]
    public async Task An_unknown_channel_is_refused_in_Indonesian_and_records_nothing()
    {
        var (customerId, invoiceNumber) = await InvoiceAsync();
        var charges = _midtrans.Charges;

        var refused = await CreateGatewayPaymentAsync(invoiceNumber, "va_bsi");

        Assert.Equal(PaymentChannels.UnknownChannelMessage("va_bsi"), refused.FirstError);
        Assert.StartsWith("Metode pembayaran \"va_bsi\" tidak tersedia", refused.FirstError, StringComparison.Ordinal);
        Assert.Equal(charges, _midtrans.Charges);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Payments.AnyAsync(p => p.CustomerId == customerId));
    }

    [Fact]
    public async Task The_stand_in_refuses_an_unknown_bank_or_payment_type_as_Midtrans_does()
    {
        var charges = _midtrans.Charges;

        using var unknownBank = await PostChargeAsync(new { payment_type = "bank_transfer", transaction_details = new { order_id = "BANK-X-1", gross_amount = 1000 }, bank_transfer = new { bank = "bsi" } });
        using var noBank = await PostChargeAsync(new { payment_type = "bank_transfer", transaction_details = new { order_id = "BANK-X-2", gross_amount = 1000 } });
        using var unknownType = await PostChargeAsync(new { payment_type = "cstore", transaction_details = new { order_id = "BANK-X-3", gross_amount = 1000 } });
        using var mandiriWithoutBill = await PostChargeAsync(new { payment_type = "echannel", transaction_details = new { order_id = "BANK-X-4", gross_amount = 1000 } });

        Assert.All([unknownBank, noBank, unknownType, mandiriWithoutBill], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("400", (await unknownBank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status_code").GetString());
        Assert.Equal(charges, _midtrans.Charges);
    }

    [Fact]
    public async Task An_e_wallet_return_address_is_sent_as_its_callback_url_and_the_demo_lookup_shows_the_order()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var returnUrl = new Uri("https://portal.example.co.id/bayar/selesai");

        await using (var scope = _services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<CreateGatewayPayment>().ExecuteAsync(invoiceNumber, PaymentChannels.GoPay, returnUrl)).Succeeded);
        var order = _midtrans.Orders.Single(o => o.OrderId == CreateGatewayPayment.OrderIdFor(invoiceNumber, 1));
        using var client = new HttpClient();
        var looked = await client.GetFromJsonAsync<JsonElement>(order.DeeplinkUrl);

        Assert.Equal(returnUrl.ToString(), order.CallbackUrl);
        Assert.Equal((order.OrderId, "gopay", "pending"),
            (looked.GetProperty("orderId").GetString(), looked.GetProperty("paymentType").GetString(), looked.GetProperty("status").GetString()));
    }

    private static void AssertNotificationNamesWhatWasPaid(byte[] body, string channel, GatewayPaymentToPay toPay)
    {
        var json = JsonSerializer.Deserialize<JsonElement>(body);
        var paymentType = json.GetProperty("payment_type").GetString();
        switch (channel)
        {
            case PaymentChannels.VaPermata:
                Assert.Equal(("bank_transfer", toPay.VaNumber), (paymentType, json.GetProperty("permata_va_number").GetString()));
                break;
            case PaymentChannels.VaMandiri:
                Assert.Equal(("echannel", toPay.VaNumber, toPay.BillerCode),
                    (paymentType, json.GetProperty("bill_key").GetString(), json.GetProperty("biller_code").GetString()));
                break;
            case PaymentChannels.VaBca:
                var va = Assert.Single(json.GetProperty("va_numbers").EnumerateArray());
                Assert.Equal(("bank_transfer", "bca", toPay.VaNumber), (paymentType, va.GetProperty("bank").GetString(), va.GetProperty("va_number").GetString()));
                break;
            default:
                Assert.Equal(channel, paymentType);
                break;
        }
    }

    private async Task<HttpResponseMessage> PostChargeAsync(object body)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_midtrans.BaseAddress, "v2/charge"));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(QrisBilling.ServerKey + ":")));
        request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    private async Task<(int CustomerId, string InvoiceNumber)> InvoiceAsync()
    {
        await using var db = database.CreateDbContext();
        return await QrisBilling.InvoiceAsync(db, Amount);
    }

    private async Task<GatewayPaymentToPay> CreateAsync(string invoiceNumber, string channel)
    {
        var outcome = await CreateGatewayPaymentAsync(invoiceNumber, channel);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<Outcome<GatewayPaymentToPay>> CreateGatewayPaymentAsync(string invoiceNumber, string channel)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreateGatewayPayment>().ExecuteAsync(invoiceNumber, channel);
    }

    private async Task<IReadOnlyList<GatewayPaymentToPay>> ShowingAsync(string invoiceNumber)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreateGatewayPayment>().ShowingAsync(invoiceNumber);
    }

    private async Task<NotificationResult> NotifyAsync(byte[] body)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReceiveGatewayNotification>().ExecuteAsync("midtrans", body);
    }
}
