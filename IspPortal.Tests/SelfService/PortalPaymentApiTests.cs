using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Infrastructure.StandIns.Midtrans;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Billing.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.SelfService;

/// <summary>A signed-in customer paying their own invoice through the API, by virtual account or e-wallet, settled by the gateway's notification.</summary>
public sealed class PortalPaymentApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private WhatsAppCloudStandIn _whatsApp = default!;
    private MidtransStandIn _midtrans = default!;

    public async Task InitializeAsync()
    {
        _whatsApp = await SelfServicePortal.StartWhatsAppAsync(portal);
        _midtrans = await QrisBilling.StartMidtransAsync(portal.Services);
        _midtrans.NotificationUrl = new Uri(portal.BaseAddress, PaymentNotificationEndpoints.MidtransRoute.TrimStart('/'));
    }

    public async Task DisposeAsync()
    {
        await _whatsApp.DisposeAsync();
        await _midtrans.DisposeAsync();
    }

    [Fact]
    public async Task A_virtual_account_paid_at_the_gateway_settles_the_invoice_and_the_home_shows_nothing_due()
    {
        var (customer, invoice) = await CustomerAsync();
        using var client = SelfServicePortal.ClientFor(portal, await SelfServicePortal.SignInAsync(portal, _whatsApp, customer.Code, customer.Phone));

        using var started = await client.PostAsJsonAsync(PaymentsPath(invoice), new { method = "va_bca" });
        var payment = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var again = await client.PostAsJsonAsync(PaymentsPath(invoice), new { method = "va_bca" });

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("va_bca", payment.GetProperty("method").GetString());
        Assert.Equal(150_000m, payment.GetProperty("amount").GetDecimal());
        Assert.False(string.IsNullOrEmpty(payment.GetProperty("vaNumber").GetString()));
        Assert.NotEmpty(payment.GetProperty("instructions").EnumerateArray());
        Assert.Equal(payment.GetProperty("paymentNumber").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentNumber").GetString());
        var order = Assert.Single(_midtrans.Orders, o => o.GrossAmount == 150_000 && o.OrderId.StartsWith(invoice.Replace('/', '-'), StringComparison.Ordinal));

        using (var paid = await _midtrans.PayAsync(order.OrderId))
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        var me = await client.GetFromJsonAsync<JsonElement>("api/portal/me");
        Assert.Equal(0m, me.GetProperty("amountDue").GetDecimal());
        Assert.Equal(payment.GetProperty("paymentNumber").GetString(), me.GetProperty("lastPayment").GetProperty("number").GetString());
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync(i => i.Number == invoice)).Status);
        Assert.Contains(await db.SelfServiceActivities.Where(a => a.CustomerId == customer.Id).ToListAsync(),
            a => a.Action == IspPortal.Core.SelfService.SelfServiceAction.PaymentStarted && a.Detail!.Contains("Virtual Account BCA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_e_wallet_answers_its_deeplink_and_an_unknown_method_is_a_400_naming_the_method()
    {
        var (customer, invoice) = await CustomerAsync();
        using var client = SelfServicePortal.ClientFor(portal, await SelfServicePortal.SignInAsync(portal, _whatsApp, customer.Code, customer.Phone));

        using var gopay = await client.PostAsJsonAsync(PaymentsPath(invoice), new { method = "gopay" });
        using var unknown = await client.PostAsJsonAsync(PaymentsPath(invoice), new { method = "bitcoin" });

        Assert.Equal(HttpStatusCode.OK, gopay.StatusCode);
        Assert.StartsWith("http", (await gopay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("actionUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("method", out _));
    }

    [Fact]
    public async Task Another_customers_invoice_cannot_be_paid_from_this_session_and_no_charge_is_made()
    {
        var (customer, _) = await CustomerAsync();
        var (_, theirs) = await CustomerAsync();
        using var client = SelfServicePortal.ClientFor(portal, await SelfServicePortal.SignInAsync(portal, _whatsApp, customer.Code, customer.Phone));
        var charges = _midtrans.Charges;

        using var byNumber = await client.PostAsJsonAsync(PaymentsPath(theirs), new { method = "qris" });
        using var byFileName = await client.PostAsJsonAsync(PaymentsPath(theirs.Replace('/', '-')), new { method = "qris" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byNumber.StatusCode, byFileName.StatusCode));
        Assert.Equal(charges, _midtrans.Charges);
    }

    private static string PaymentsPath(string invoice) => $"api/portal/invoices/{Uri.EscapeDataString(invoice)}/payments";

    private async Task<((int Id, string Code, string Phone) Customer, string Invoice)> CustomerAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        var (customerId, invoiceNumber) = await QrisBilling.InvoiceAsync(db, 150_000m);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        return ((customer.Id, customer.Code, customer.Phone), invoiceNumber);
    }
}
