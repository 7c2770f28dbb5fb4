using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.SelfService;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.SelfService.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IspPortal.Tests.SelfService;

/// <summary>Changing the package on a phone's screen, from the Profil page's link to the scheduled change.</summary>
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class CustomerPackageBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_customer_picks_a_package_confirms_it_and_sees_the_change_scheduled_until_cancelling_it()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
            Assert.True((await settings.SaveAsync(await settings.GetAsync<BillingSettings>() with { CustomersChangePackage = true }, Actor.System)).Succeeded);
        }
        var token = SelfServiceSession.NewToken();
        int wanted;
        await using (var db = portal.Database.CreateDbContext())
        {
            var customer = await db.Customers.Where(c => c.Status == CustomerStatus.Active).OrderBy(c => c.Id).FirstAsync();
            wanted = await db.ServicePackages.Where(p => p.IsActive && p.Id != customer.ServicePackageId).OrderBy(p => p.MonthlyPrice).Select(p => p.Id).FirstAsync();
            db.SelfServiceSessions.Add(new SelfServiceSession(customer.Id, SessionChannel.Web, false, SelfServiceSession.HashOf(token), "test", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await browser.OnPageAsync(async page =>
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = CustomerPortalSession.CookieName, Value = token, Url = portal.BaseAddress.ToString() }]);
            await page.GotoAsync("pelanggan/profil");
            await page.WaitForCircuitAsync();
            await page.GetByTestId("customer-profile-package").ClickAsync();
            await page.WaitForURLAsync("**/pelanggan/paket");
            await page.WaitForCircuitAsync();
            await Expect(page.GetByTestId("customer-package-current")).ToHaveCountAsync(1);

            var choice = page.Locator($"[data-testid=customer-package][data-package='{wanted}']");
            await choice.GetByTestId("customer-package-choose").ClickAsync();
            await Expect(choice.GetByTestId("customer-package-confirm-text")).ToContainTextAsync("mulai bulan depan");
            await choice.GetByTestId("customer-package-confirm").ClickAsync();

            await Expect(page.GetByTestId("customer-package-pending")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("customer-package-message")).ToContainTextAsync("berlaku mulai");
            await page.GetByTestId("customer-package-cancel").ClickAsync();
            await Expect(page.GetByTestId("customer-package-pending")).ToHaveCountAsync(0);
        }, portal.BaseAddress, phone: true);

        await using var check = portal.Database.CreateDbContext();
        Assert.Equal(2, await check.SelfServiceActivities.CountAsync(a => a.Action == SelfServiceAction.PackageChangeRequested));
    }
}
