using System.Net;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Infrastructure.StandIns.Midtrans;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Billing.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The Midtrans notification endpoint and the public pay page on the real portal, over HTTP.</summary>
public sealed class PaymentGatewayWebTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private MidtransStandIn _midtrans = default!;

    public async Task InitializeAsync()
    {
        _midtrans = await QrisBilling.StartMidtransAsync(portal.Services);
        _midtrans.NotificationUrl = new Uri(portal.BaseAddress, PaymentNotificationEndpoints.MidtransRoute.TrimStart('/'));
    }

    public async Task DisposeAsync() => await _midtrans.DisposeAsync();

    [Fact]
    public async Task A_signed_notification_confirms_the_payment_and_a_resend_is_still_200()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateQrisAsync(invoiceNumber);

        using var paid = await _midtrans.PayAsync(qris.OrderId);
        using var resent = await _midtrans.PostNotificationAsync(_midtrans.Notification(qris.OrderId, "settlement"));

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("\"Unchanged\"", await resent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(PaymentStatus.Confirmed, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
        Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync(i => i.Number == invoiceNumber)).Status);
    }

    [Fact]
    public async Task A_bad_signature_is_a_401_problem_and_confirms_nothing()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateQrisAsync(invoiceNumber);

        using var forged = await _midtrans.PostNotificationAsync(_midtrans.Notification(qris.OrderId, "settlement", serverKey: "SB-Mid-server-FORGED"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(PaymentStatus.Pending, (await db.Payments.SingleAsync(p => p.GatewayOrderId == qris.OrderId)).Status);
    }

    [Fact]
    public async Task A_wrong_amount_is_a_422_problem_an_unknown_order_a_404_problem_and_an_unconfirmable_one_a_503_problem()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var qris = await CreateQrisAsync(invoiceNumber);
        var unknown = await CreateQrisAsync((await InvoiceAsync()).InvoiceNumber);
        await using (var db = portal.Database.CreateDbContext())
            await db.Payments.Where(p => p.GatewayOrderId == unknown.OrderId).ExecuteDeleteAsync();

        var settled = _midtrans.Notification(qris.OrderId, "settlement");
        var (_, unconfirmableNumber) = await InvoiceAsync();
        var unconfirmable = await CreateQrisAsync(unconfirmableNumber);
        var unconfirmableBody = _midtrans.Notification(unconfirmable.OrderId, "settlement");
        _midtrans.Forget(unconfirmable.OrderId);
        _midtrans.Order(qris.OrderId).GrossAmount = 15_000;

        using var wrongAmount = await _midtrans.PostNotificationAsync(settled);
        using var notOurs = await _midtrans.PayAsync(unknown.OrderId);
        using var unverified = await _midtrans.PostNotificationAsync(unconfirmableBody);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongAmount.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notOurs.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unverified.StatusCode);
        Assert.All([wrongAmount, notOurs, unverified], r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(PaymentStatus.Pending, (await after.Payments.SingleAsync(p => p.GatewayOrderId == unconfirmable.OrderId)).Status);
    }

    [Theory]
    [InlineData(PaymentChannels.VaMandiri)]
    [InlineData(PaymentChannels.ShopeePay)]
    public async Task A_virtual_account_or_e_wallet_paid_on_the_stand_ins_demo_path_is_confirmed_through_the_portals_endpoint(string channel)
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        GatewayPaymentToPay toPay;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<CreateGatewayPayment>().ExecuteAsync(invoiceNumber, channel);
            Assert.True(outcome.Succeeded, outcome.FirstError);
            toPay = outcome.Value!;
        }
        using var client = new HttpClient();

        using var paid = await client.PostAsync(new Uri(_midtrans.BaseAddress, MidtransStandIn.DemoPayPath.TrimStart('/') + toPay.OrderId), null);
        var looked = await client.GetStringAsync(new Uri(_midtrans.BaseAddress, MidtransStandIn.DemoOrderPath.TrimStart('/') + toPay.OrderId));

        Assert.Contains("\"notification_status\":200", await paid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"status\":\"settlement\"", looked, StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        var payment = await db.Payments.SingleAsync(p => p.GatewayOrderId == toPay.OrderId);
        Assert.Equal((PaymentStatus.Confirmed, channel), (payment.Status, payment.GatewayChannel));
        Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync(i => i.Number == invoiceNumber)).Status);
    }

    [Fact]
    public async Task The_pay_page_shows_the_invoice_makes_a_QRIS_code_on_request_and_LUNAS_once_paid()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        var page = PayPage(invoiceNumber);
        using var client = portal.CreateClient();

        using var opened = await client.GetAsync(page);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(invoiceNumber, html, StringComparison.Ordinal);
        Assert.Contains("Rp 150.000", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pay-qris\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pay-qr\"", html, StringComparison.Ordinal);

        using var asked = await client.PostAsync(page, StaticForms.Form("qris", html));
        var withQr = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("data-testid=\"pay-qr\"", withQr, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", withQr, StringComparison.Ordinal);

        var order = Assert.Single(_midtrans.Orders, o => o.OrderId == CreateQrisPayment.OrderIdFor(invoiceNumber, 1));
        using (await _midtrans.PayAsync(order.OrderId)) { }
        var paid = await client.GetStringAsync(page);
        Assert.Contains(">LUNAS<", paid, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pay-qris\"", paid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var (_, invoiceNumber) = await InvoiceAsync();
        using var client = portal.CreateClient();
        var charges = _midtrans.Charges;

        using var response = await client.PostAsync(PayPage(invoiceNumber), new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "qris" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(charges, _midtrans.Charges);
    }

    [Theory]
    [InlineData("bayar/not-a-token")]
    [InlineData("bayar/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_link_this_portal_did_not_make_says_so_and_shows_no_invoice(string path)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tautan tidak valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pay-amount\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_link_and_one_paid_long_ago_are_gone_with_their_reason_and_show_no_invoice()
    {
        var (_, revokedNumber) = await InvoiceAsync();
        var (_, paidNumber) = await InvoiceAsync();
        await using (var db = portal.Database.CreateDbContext())
        {
            (await db.Invoices.SingleAsync(i => i.Number == revokedNumber)).RevokePayLinks(DateTimeOffset.UtcNow);
            var paid = await db.Invoices.SingleAsync(i => i.Number == paidNumber);
            paid.ApplyPayment(paid.AmountDue, DateTimeOffset.UtcNow.AddDays(-61));
            await db.SaveChangesAsync();
        }
        using var client = portal.CreateClient();

        using var revoked = await client.GetAsync(PayPage(revokedNumber));
        using var renewed = await client.GetAsync(PayPage(revokedNumber, version: 1));
        using var expired = await client.GetAsync(PayPage(paidNumber));

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.OK, HttpStatusCode.Gone), (revoked.StatusCode, renewed.StatusCode, expired.StatusCode));
        var (revokedHtml, expiredHtml) = (await revoked.Content.ReadAsStringAsync(), await expired.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"pay-revoked\"", revokedHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pay-expired\"", expiredHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pay-amount\"", await renewed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(revokedNumber, revokedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(paidNumber, expiredHtml, StringComparison.Ordinal);
    }

    private Uri PayPage(string invoiceNumber, int version = 0) =>
        new(new Uri(portal.Services.GetRequiredService<IPaymentLinks>().For(invoiceNumber, version)).PathAndQuery.TrimStart('/'), UriKind.Relative);

    private async Task<(int CustomerId, string InvoiceNumber)> InvoiceAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        return await QrisBilling.InvoiceAsync(db, 150_000m);
    }

    private async Task<QrisToPay> CreateQrisAsync(string invoiceNumber)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateQrisPayment>().ExecuteAsync(invoiceNumber);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

}
