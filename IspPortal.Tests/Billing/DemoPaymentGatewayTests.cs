using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The demo's QRIS: a visitor opens a demo invoice's link, asks for QRIS, presses the demo pay button and sees LUNAS.</summary>
public sealed class DemoPaymentGatewayTests(PaymentGatewayDemoPortalFactory portal) : IClassFixture<PaymentGatewayDemoPortalFactory>
{
    [Fact]
    public async Task A_demo_invoice_is_paid_from_its_pay_page_through_the_stand_in_and_the_portal_webhook()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var settings = await scope.ServiceProvider.GetRequiredService<PortalSettings>().GetAsync<PaymentGatewaySettings>();
            Assert.True(settings.IsConfigured);
            Assert.True(new Uri(settings.MidtransBaseUrl).IsLoopback);
        }
        await using var db = portal.Database.CreateDbContext();
        var invoice = await db.Invoices.Where(i => Arrears.Owing.Contains(i.Status)).OrderBy(i => i.Id).FirstAsync();
        var page = new Uri(new Uri(portal.Services.GetRequiredService<IPaymentLinks>().For(invoice.Number, 0)).PathAndQuery.TrimStart('/'), UriKind.Relative);
        using var client = portal.CreateClient();

        var opened = await client.GetStringAsync(page);
        var withQr = await StaticForms.PostAsync(client, page, "qris", opened);
        var paid = await StaticForms.PostAsync(client, page, "demo-pay", withQr);

        Assert.Contains("data-testid=\"pay-demo\"", withQr, StringComparison.Ordinal);
        Assert.Contains(">LUNAS<", paid, StringComparison.Ordinal);
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(InvoiceStatus.Paid, (await after.Invoices.SingleAsync(i => i.Id == invoice.Id)).Status);
        Assert.True(await after.Payments.AnyAsync(p => p.InvoiceId == invoice.Id && p.Method == PaymentMethod.Qris && p.Status == PaymentStatus.Confirmed));
    }


}
