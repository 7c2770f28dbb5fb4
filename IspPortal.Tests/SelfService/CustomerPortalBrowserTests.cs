using System.Net.Http.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Network.Sync;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IspPortal.Tests.SelfService;

/// <summary>The customer portal on a phone's screen, against the demo's routers, WhatsApp and Midtrans stand-ins.</summary>
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class CustomerPortalBrowserTests(CustomerPortalDemoFactory portal, BrowserFixture browser)
    : IClassFixture<CustomerPortalDemoFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_isolated_customer_signs_in_with_the_WhatsApp_code_pays_by_virtual_account_and_the_home_turns_online_without_reload()
    {
        var (code, username, packageProfile) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online);
        var invoice = await OverdueAndIsolatedAsync(code);
        var router = portal.Simulator("CKP");
        Assert.Equal("isolir", router.Router.Secrets.Single(s => s.Name == username).Profile);

        await browser.OnPageAsync(async page =>
        {
            await page.GotoAsync("pelanggan");
            await Expect(page.GetByTestId("customer-signin")).ToBeVisibleAsync();
            await page.GetByTestId("customer-login").FillAsync(code);
            await page.GetByTestId("customer-send-code").ClickAsync();
            await Expect(page.GetByTestId("customer-code-sent")).ToBeVisibleAsync();
            await page.GetByTestId("customer-code").FillAsync(await CodeSentAsync(code));
            await page.GetByTestId("customer-enter").ClickAsync();

            await page.WaitForURLAsync("**/pelanggan");
            await page.WaitForCircuitAsync();
            await Expect(page.GetByTestId("customer-service")).ToHaveAttributeAsync("data-state", "isolated");
            await Expect(page.GetByTestId("customer-isolation-reason")).ToBeVisibleAsync();

            await page.GetByTestId("customer-pay-now").ClickAsync();
            await page.GetByTestId("customer-pay-va_bca").ClickAsync();
            await Expect(page.GetByTestId("customer-charge-va")).Not.ToBeEmptyAsync();
            await page.GetByTestId("customer-nav-home").ClickAsync();
            await Expect(page.GetByTestId("customer-service")).ToHaveAttributeAsync("data-state", "isolated");
            await page.EvaluateAsync("() => window.__notReloaded = true");

            await PayInTheStandInAsync(invoice);
            Assert.Equal(packageProfile, router.Router.Secrets.Single(s => s.Name == username).Profile);
            // The customer's router redials, and the sync that runs every minute sees the session back.
            await Eventually.TrueAsync(() => router.Router.Sessions.Any(s => s.Name == username && s.Profile == packageProfile));
            await using (var scope = portal.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(await portal.RouterIdAsync("CKP"));

            await Expect(page.GetByTestId("customer-service")).ToHaveAttributeAsync("data-state", "online");
            await Expect(page.GetByTestId("customer-service-label")).ToContainTextAsync("Online · aktif");
            await Expect(page.GetByTestId("customer-nothing-due")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        }, portal.BaseAddress, phone: true);
    }

    [Fact]
    public async Task A_staff_sign_in_does_not_open_the_customer_portal_and_a_wrong_code_is_refused_with_its_reason()
    {
        var (code, _, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 1);
        await browser.OnPageAsync(async page =>
        {
            await page.SignInAsync("admin");
            await page.GotoAsync("pelanggan/tagihan");
            await Expect(page.GetByTestId("customer-signin")).ToBeVisibleAsync();

            await page.GetByTestId("customer-login").FillAsync(code);
            await page.GetByTestId("customer-send-code").ClickAsync();
            var right = await CodeSentAsync(code);
            await page.GetByTestId("customer-code").FillAsync(right == "000000" ? "111111" : "000000");
            await page.GetByTestId("customer-enter").ClickAsync();

            await Expect(page.GetByTestId("customer-signin-error")).ToContainTextAsync("Kode salah");
            await Expect(page.GetByTestId("customer-code")).ToBeVisibleAsync();
        }, portal.BaseAddress, phone: true);
    }

    private async Task<string> OverdueAndIsolatedAsync(string customerCode)
    {
        string number;
        await using (var db = portal.Database.CreateDbContext())
        {
            var customer = await db.Customers.Include(c => c.ServicePackage).SingleAsync(c => c.Code == customerCode);
            var period = new DateOnly(2020, 1, 1);
            number = $"INV/2020/01/{customer.Id:000000}";
            var invoice = new Invoice(number, customer.Id, period, period, period.AddDays(9), 0m, DateTimeOffset.UtcNow);
            invoice.AddLine(InvoiceLineKind.Subscription, customer.ServicePackage!.Name, 1, customer.ServicePackage.MonthlyPrice, customer.ServicePackageId);
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
        }
        await using var scope = portal.Services.CreateAsyncScope();
        var isolated = await scope.ServiceProvider.GetRequiredService<CustomerIsolation>()
            .IsolateAsync(customerCode, "Tagihan Januari 2020 belum dibayar", StatusChangeSource.Billing);
        Assert.True(isolated.Succeeded && isolated.Value!.AppliedOnRouter, isolated.FirstError);
        return number;
    }

    private async Task<string> CodeSentAsync(string customerCode)
    {
        await SelfServicePortal.DispatchAsync(portal);
        return await SelfServicePortal.CodeSentToCustomerAsync(portal, customerCode);
    }

    private async Task PayInTheStandInAsync(string invoiceNumber)
    {
        await using var db = portal.Database.CreateDbContext();
        var orderId = await db.Payments.Where(p => p.Invoice!.Number == invoiceNumber && p.GatewayChannel == "va_bca").Select(p => p.GatewayOrderId).SingleAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var gateway = await scope.ServiceProvider.GetRequiredService<PortalSettings>().GetAsync<PaymentGatewaySettings>();
        using var client = new HttpClient { BaseAddress = new Uri(gateway.MidtransBaseUrl) };
        using var paid = await client.PostAsync($"demo/pay/{orderId}", null);
        Assert.Equal(200, (int)(await paid.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("notification_status").GetInt32());
    }
}
