using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IspPortal.Tests.SelfService;

/// <summary>On a phone, a customer moves the account to a new WhatsApp number with the code sent there, and switches reminders off.</summary>
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class CustomerProfileBrowserTests(CustomerPortalDemoFactory portal, BrowserFixture browser)
    : IClassFixture<CustomerPortalDemoFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_number_is_confirmed_with_the_code_sent_to_it_and_reminders_are_switched_off()
    {
        var (code, _, _) = await portal.ActiveCustomerAsync("KRW", ConnectionState.Online);
        var newPhone = "+6281377" + Random.Shared.Next(100_000, 999_999);
        await browser.OnPageAsync(async page =>
        {
            await SelfServicePortal.SignInOnPageAsync(portal, page, code);
            await page.GetByTestId("customer-nav-profile").ClickAsync();

            await page.Input("customer-phone-new").FillAsync("0" + newPhone[3..]);
            await page.GetByTestId("customer-phone-request").ClickAsync();
            await Expect(page.GetByTestId("customer-phone-message")).ToContainTextAsync(newPhone);
            await SelfServicePortal.DispatchAsync(portal);
            await page.Input("customer-phone-code").FillAsync(await SelfServicePortal.CodeSentToPhoneAsync(portal, newPhone));
            await page.GetByTestId("customer-phone-confirm").ClickAsync();
            await Expect(page.GetByTestId("customer-profile-phone")).ToHaveTextAsync(newPhone);

            await page.GetByTestId("customer-reminders").ClickAsync();
            await Expect(page.GetByTestId("customer-contact-message")).ToContainTextAsync("tidak lagi menerima");
        }, portal.BaseAddress, phone: true);

        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Code == code);
        Assert.Equal((newPhone, true), (customer.Phone, customer.NotificationsOptOut));
    }
}
