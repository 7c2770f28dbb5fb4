using System.Globalization;
using System.Text.RegularExpressions;
using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Billing;

/// <summary>Finance's month on the demo: the invoice list and a selection's zip, next month's run from its preview, and a void with its reason.</summary>
public sealed partial class InvoiceBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Finance_filters_invoices_downloads_a_selection_creates_next_months_from_the_preview_and_voids_one_with_a_reason() => browser.OnPageAsync(async page =>
    {
        DateOnly nextMonth;
        await using (var scope = portal.Services.CreateAsyncScope())
            nextMonth = Invoice.FirstDayOf(await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync()).AddMonths(1);
        int overdue, billable;
        await using (var db = portal.Database.CreateDbContext())
        {
            overdue = await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Overdue);
            billable = await db.Customers.CountAsync(c => c.Status == CustomerStatus.Active || c.Status == CustomerStatus.Isolated);
        }
        await page.SignInAsync("finance");
        await page.GotoAsync("/billing/invoices");
        await page.WaitForCircuitAsync();

        await page.ChooseAsync("filter-status", "Terlambat");
        await Assertions.Expect(page.GetByTestId("totals-count")).ToHaveTextAsync(overdue.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("grid").GetByTestId("invoice-status").First).ToHaveTextAsync("Terlambat");
        var rows = page.GetByTestId("grid").Locator("tbody tr");
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("selection")).ToContainTextAsync("2 tagihan dipilih");
        var zip = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("zip-selected").ClickAsync());
        Assert.Equal("tagihan-terpilih-2.zip", zip.SuggestedFilename);

        await page.GetByTestId("generate").ClickAsync();
        await page.ChooseAsync("generate-month", nextMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")));
        await Assertions.Expect(page.GetByTestId("generate-count")).ToContainTextAsync($"{billable} tagihan akan dibuat");
        await page.GetByTestId("generate-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("generate-result")).ToContainTextAsync($"{billable} tagihan dibuat; 0 pelanggan dilewati");
        await page.GetByTestId("generate-close").ClickAsync();

        string number;
        await using (var db = portal.Database.CreateDbContext())
            number = await db.Invoices.Where(i => i.Period == nextMonth).OrderBy(i => i.Id).Select(i => i.Number).FirstAsync();
        await page.ChooseAsync("filter-status", "Belum bayar");
        await page.Input("search").FillAsync(number);
        await page.GetByTestId("grid").Locator("tbody tr", new() { HasText = number }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(InvoiceUrl());
        await page.WaitForCircuitAsync();
        await page.GetByTestId("invoice-void").ClickAsync();
        await page.Input("reason").FillAsync("Pelanggan pindah sebelum periode mulai");
        await page.GetByTestId("reason-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoice-voided")).ToContainTextAsync("Pelanggan pindah sebelum periode mulai");
        await Assertions.Expect(page.GetByTestId("invoice-void")).ToHaveCountAsync(0);

        await using var after = portal.Database.CreateDbContext();
        var voided = await after.Invoices.SingleAsync(i => i.Number == number);
        var finance = await after.Users.SingleAsync(u => u.UserName == "finance");
        Assert.Equal((InvoiceStatus.Void, "Pelanggan pindah sebelum periode mulai", finance.Id), (voided.Status, voided.VoidReason, voided.VoidedById));
    }, portal.BaseAddress);

    [Fact]
    public Task Finance_revokes_an_invoices_pay_links_from_its_page_and_the_link_sent_before_is_gone() => browser.OnPageAsync(async page =>
    {
        int id;
        string number;
        await using (var db = portal.Database.CreateDbContext())
            (id, number) = await db.Invoices.Where(i => i.Status == InvoiceStatus.Overdue && i.PayLinkVersion == 0).OrderBy(i => i.Id)
                .Select(i => new ValueTuple<int, string>(i.Id, i.Number)).FirstAsync();
        var sent = new Uri(new Uri(portal.Services.GetRequiredService<Core.Billing.Payments.IPaymentLinks>().For(number, 0)).PathAndQuery.TrimStart('/'), UriKind.Relative);
        await page.SignInAsync("finance");
        await page.GotoAsync($"/billing/invoices/{id}");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("pay-link-state")).ToContainTextAsync("Berlaku selama tagihan belum lunas");
        await page.GetByTestId("pay-link-revoke").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pay-link-revoked")).ToContainTextAsync("dicabut 1 kali");

        using var client = portal.CreateClient();
        using var old = await client.GetAsync(sent);
        Assert.Equal(System.Net.HttpStatusCode.Gone, old.StatusCode);
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(1, await after.Invoices.Where(i => i.Id == id).Select(i => i.PayLinkVersion).SingleAsync());
    }, portal.BaseAddress);

    [GeneratedRegex(@"/billing/invoices/\d+$")]
    private static partial Regex InvoiceUrl();
}
