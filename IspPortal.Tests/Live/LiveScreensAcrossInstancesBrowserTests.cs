using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.StandIns.Midtrans;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Billing.Endpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IspPortal.Tests.Live;

/// <summary>
/// What happens on one instance reaches a screen open on the other, without a reload: a sync, an
/// isolir and a gateway payment, with two real web hosts on one database (docs/decisions/0024).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class LiveScreensAcrossInstancesBrowserTests(TwoWebPortals portals, BrowserFixture browser)
    : IClassFixture<TwoWebPortals>, IClassFixture<BrowserFixture>
{
    private LiveDemoPortalFactory A => portals.First;

    private ReplicaPortalFactory B => portals.Second;

    [Fact]
    public Task A_sync_on_the_first_instance_turns_a_marker_on_a_map_served_by_the_second() => browser.OnPageAsync(async map =>
    {
        await SyncOnFirstAsync();
        var (code, username, _) = await A.ActiveCustomerAsync("CKP", ConnectionState.Online);
        await map.SignInAsync("noc");
        await map.GotoAsync("/network/map");
        await Expect(map.GetByTestId("customer-map")).ToHaveAttributeAsync("data-ready", "true");
        await map.PickSuggestionAsync("map-search", code);
        var marker = map.Locator($"[data-customer='{code}']");
        await Expect(marker).ToHaveAttributeAsync("data-status", "online");
        await map.EvaluateAsync("() => window.__notReloaded = true");

        // The operator disables the secret on the router itself; the first instance's sync finds it.
        var secretId = A.Simulator("CKP").Router.Secrets.Single(s => s.Name == username).Id;
        await (await A.OpenRouterAsync("CKP")).DisableSecretAsync(secretId);
        await SyncOnFirstAsync();

        await Expect(marker).ToHaveAttributeAsync("data-status", "disabled");
        Assert.True(await map.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the map was not reloaded");
    }, B.BaseAddress);

    [Fact]
    public async Task An_isolir_from_the_second_instances_map_shows_on_the_first_instances_monitoring()
    {
        await SyncOnFirstAsync();
        var (code, _, _) = await A.ActiveCustomerAsync("KTB", ConnectionState.Online, skip: 2);
        var monitoring = await browser.NewPageAsync(A.BaseAddress);
        try
        {
            await monitoring.SignInAsync("noc");
            await monitoring.GotoAsync("/network/monitoring");
            await monitoring.WaitForCircuitAsync();
            var online = int.Parse(await monitoring.GetByTestId("online-KTB").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            var disabled = int.Parse(await monitoring.GetByTestId("disabled-KTB").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await monitoring.EvaluateAsync("() => window.__notReloaded = true");

            await browser.OnPageAsync(async map =>
            {
                await map.SignInAsync("noc");
                await map.GotoAsync("/network/map");
                await Expect(map.GetByTestId("customer-map")).ToHaveAttributeAsync("data-ready", "true");
                await map.PickSuggestionAsync("map-search", code);
                await map.Locator(".leaflet-popup-content button[data-action=isolate]").ClickAsync();
                await map.Input("reason").FillAsync("Tunggakan");
                await map.GetByTestId("reason-ok").ClickAsync();
                await Expect(map.Locator($"[data-customer='{code}']")).ToHaveAttributeAsync("data-status", "disabled");
            }, B.BaseAddress);

            await Expect(monitoring.GetByTestId("disabled-KTB")).ToHaveTextAsync((disabled + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(monitoring.GetByTestId("online-KTB")).ToHaveTextAsync((online - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await monitoring.EvaluateAsync<bool>("() => window.__notReloaded === true"), "monitoring was not reloaded");
        }
        finally
        {
            await monitoring.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_payment_notification_received_by_the_first_instance_updates_the_customer_page_and_the_dashboard_open_on_the_second()
    {
        await using var midtrans = await QrisBilling.StartMidtransAsync(A.Services);
        midtrans.NotificationUrl = new Uri(A.BaseAddress, PaymentNotificationEndpoints.MidtransRoute.TrimStart('/'));
        (int CustomerId, string InvoiceNumber) invoice;
        await using (var db = A.Database.CreateDbContext())
            invoice = await QrisBilling.InvoiceAsync(db, 150_000m);
        string customerCode;
        await using (var db = A.Database.CreateDbContext())
            customerCode = db.Customers.Single(c => c.Id == invoice.CustomerId).Code;
        QrisToPay qris;
        await using (var scope = A.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateQrisPayment>().ExecuteAsync(invoice.InvoiceNumber);
            Assert.True(created.Succeeded, created.FirstError);
            qris = created.Value!;
        }

        var dashboard = await browser.NewPageAsync(B.BaseAddress);
        try
        {
            await dashboard.SignInAsync("admin");
            await dashboard.GotoAsync("/dashboard");
            await dashboard.WaitForCircuitAsync();
            var unpaid = dashboard.GetByTestId("stat-invoices-unpaid-value");
            var unpaidBefore = int.Parse((await unpaid.InnerTextAsync()).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            await PayAndWatchCustomerPageAsync(customerCode, midtrans, qris);
            await Expect(unpaid).ToHaveTextAsync((unpaidBefore - 1).ToString("#,0", Core.Common.Rupiah.Indonesia));
        }
        finally
        {
            await dashboard.Context.CloseAsync();
        }
    }

    private Task PayAndWatchCustomerPageAsync(string customerCode, MidtransStandIn midtrans, QrisToPay qris) =>
        browser.OnPageAsync(async page =>
        {
            await page.SignInAsync("admin");
            await page.GotoAsync($"/customers/{customerCode}");
            await page.WaitForCircuitAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Tagihan" }).ClickAsync();
            await Expect(page.GetByTestId("billing-outstanding")).ToHaveTextAsync(Core.Common.Rupiah.Format(150_000m));
            await page.EvaluateAsync("() => window.__notReloaded = true");

            using var paid = await midtrans.PayAsync(qris.OrderId);
            Assert.Equal(System.Net.HttpStatusCode.OK, paid.StatusCode);

            await Expect(page.GetByTestId("billing-outstanding")).ToHaveTextAsync(Core.Common.Rupiah.Format(0m));
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the customer page was not reloaded");
        }, B.BaseAddress);

    private async Task SyncOnFirstAsync()
    {
        await using var scope = A.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncAllRouters>().ExecuteAsync();
    }
}
