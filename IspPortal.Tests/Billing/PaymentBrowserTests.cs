using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IspPortal.Tests.Billing;

/// <summary>Money at the counter and from the bank, in a real browser against the demo ISP.</summary>
public sealed class PaymentBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Finance_takes_cash_once_despite_a_double_click_and_confirms_a_transfer_staff_recorded_with_its_proof() => browser.OnPageAsync(async finance =>
    {
        var (cashCustomer, transferCustomer) = await OwingCustomersAsync();
        int paymentsBefore;
        await using (var db = portal.Database.CreateDbContext())
            paymentsBefore = await db.Payments.CountAsync(p => p.Customer!.Code == cashCustomer);

        // 1. Cash from the customer's Tagihan tab: the amount owed is filled in, a double click saves once.
        await finance.SignInAsync("finance");
        await finance.GotoAsync($"/customers/{cashCustomer}");
        await finance.WaitForCircuitAsync();
        await finance.Locator(".mud-tab", new() { HasText = "Tagihan" }).ClickAsync();
        await finance.GetByTestId("billing-record-payment").ClickAsync();
        await Assertions.Expect(finance.GetByTestId("outstanding")).ToContainTextAsync("INV/");
        await finance.GetByTestId("payment-save").DblClickAsync();
        await Assertions.Expect(finance.GetByTestId("payment-recorded")).ToContainTextAsync("tercatat dan dikonfirmasi");
        await Assertions.Expect(finance.GetByTestId("payment-allocations")).ToContainTextAsync("Sudah lunas");
        Assert.Matches("^/billing/payments/\\d+/receipt$", await finance.GetByTestId("print-receipt").GetAttributeAsync("href"));
        await finance.GetByTestId("payment-done").ClickAsync();
        await Assertions.Expect(finance.GetByTestId("billing-outstanding")).ToHaveTextAsync("Rp 0");
        await using (var db = portal.Database.CreateDbContext())
        {
            Assert.Equal(paymentsBefore + 1, await db.Payments.CountAsync(p => p.Customer!.Code == cashCustomer));
            Assert.False(await db.Invoices.AnyAsync(i => i.Customer!.Code == cashCustomer && Arrears.Owing.Contains(i.Status)));
        }

        // 2. Staff at the counter records a transfer with its receipt photo: it waits for Finance.
        var staff = await browser.NewPageAsync(portal.BaseAddress);
        try
        {
            await staff.SignInAsync("staff");
            await staff.GotoAsync("/billing/payments");
            await staff.WaitForCircuitAsync();
            await staff.GetByTestId("record-payment").ClickAsync();
            await staff.PickSuggestionAsync("payment-customer", transferCustomer);
            await Assertions.Expect(staff.GetByTestId("outstanding")).ToContainTextAsync("INV/");
            await staff.ChooseAsync("payment-method", "Transfer bank");
            await staff.Input("payment-reference").FillAsync("BCA 0099 a.n. Pelanggan");
            await staff.GetByTestId("payment-save").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("payment-proof-error")).ToContainTextAsync("Unggah bukti transfer");
            await staff.Locator("[data-testid=payment-proof] input[type=file], input[type=file][data-testid=payment-proof]").First
                .SetInputFilesAsync(new FilePayload { Name = "bukti.png", MimeType = "image/png", Buffer = Png() });
            await Assertions.Expect(staff.GetByTestId("payment-dialog").Locator("img.photo-thumb")).ToHaveCountAsync(1);
            await staff.GetByTestId("payment-save").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("payment-recorded")).ToContainTextAsync("menunggu konfirmasi Finance");
            await Assertions.Expect(staff.GetByTestId("print-receipt")).ToHaveCountAsync(0);
            await staff.GetByTestId("payment-done").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("confirm-transfer")).ToHaveCountAsync(0);
        }
        finally
        {
            await staff.Context.CloseAsync();
        }

        // 3. Finance sees it first in the list, with the proof, and confirms it.
        await finance.GotoAsync("/billing/payments");
        await finance.WaitForCircuitAsync();
        await finance.Input("search").FillAsync(transferCustomer);
        var row = finance.GetByTestId("payments-grid").Locator("tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(transferCustomer);
        await Assertions.Expect(row).ToContainTextAsync("Menunggu konfirmasi");
        await Assertions.Expect(row.GetByTestId("proof-link")).ToHaveCountAsync(1);
        await row.GetByTestId("confirm-transfer").ClickAsync();
        await finance.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(finance.Locator(".mud-snackbar")).ToContainTextAsync("dikonfirmasi");

        await using var after = portal.Database.CreateDbContext();
        var transfer = await after.Payments.SingleAsync(p => p.Customer!.Code == transferCustomer && p.Reference == "BCA 0099 a.n. Pelanggan");
        Assert.Equal((PaymentStatus.Confirmed, PaymentMethod.BankTransfer), (transfer.Status, transfer.Method));
        Assert.NotNull(transfer.ProofPath);
    }, portal.BaseAddress);

    private async Task<(string Cash, string Transfer)> OwingCustomersAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        var codes = await db.Customers.Where(c => c.Status == CustomerStatus.Active)
            .Where(c => db.Invoices.Any(i => i.CustomerId == c.Id && Arrears.Owing.Contains(i.Status)))
            .OrderBy(c => c.Id).Select(c => c.Code).Take(2).ToListAsync();
        return (codes[0], codes[1]);
    }

    private static byte[] Png()
    {
        using var image = new ImageMagick.MagickImage(ImageMagick.MagickColors.Teal, 16, 10) { Format = ImageMagick.MagickFormat.Png };
        return image.ToByteArray();
    }
}
