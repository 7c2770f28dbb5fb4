using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Settings;

namespace IspPortal.Tests.Billing;

public sealed class MonthlyChargesTests
{
    private static readonly ServicePackage Home20 = new() { Code = "HOME-20", Name = "Rumahan 20 Mbps", MonthlyPrice = 200_000m, IsTaxable = true };
    private static readonly BillingSettings Defaults = new();

    [Theory]
    // Service from the 1st or earlier: the whole month.
    [InlineData("2025-02-01", "2025-01-15", InvoiceLineKind.Subscription, 200_000)]
    [InlineData("2025-02-01", "2025-02-01", InvoiceLineKind.Subscription, 200_000)]
    // From the 15th of a 28-day February: 14 of 28 days.
    [InlineData("2025-02-01", "2025-02-15", InvoiceLineKind.Proration, 100_000)]
    // From the 31st of a 31-day month: 1 of 31 days, 6,451.61… rounded to 6,452.
    [InlineData("2025-03-01", "2025-03-31", InvoiceLineKind.Proration, 6_452)]
    // Leap February: from the 20th, 10 of 29 days, 68,965.5… rounded half up to 68,966.
    [InlineData("2024-02-01", "2024-02-20", InvoiceLineKind.Proration, 68_966)]
    public void The_first_month_is_charged_by_days_and_rounded_to_whole_rupiah(string period, string start, InvoiceLineKind kind, decimal amount)
    {
        var bill = MonthlyCharges.For(Home20, DateOnly.Parse(start), DateOnly.Parse(period), DateOnly.Parse(period), Defaults)!;

        var line = Assert.Single(bill.Lines);
        Assert.Equal((kind, amount), (line.Kind, line.Quantity * line.UnitPrice));
    }

    [Fact]
    public void The_proration_line_says_which_days_it_charges()
    {
        var bill = MonthlyCharges.For(Home20, new DateOnly(2025, 2, 15), new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 15), Defaults)!;

        Assert.Equal("Rumahan 20 Mbps 15–28 Februari 2025 (14 dari 28 hari)", bill.Lines[0].Description);
    }

    [Fact]
    public void A_service_starting_after_the_month_has_no_bill_for_it() =>
        Assert.Null(MonthlyCharges.For(Home20, new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), Defaults));

    [Theory]
    [InlineData(false, true, 0)]
    [InlineData(true, false, 0)]
    [InlineData(true, true, 11)]
    public void Ppn_applies_only_when_switched_on_and_the_package_is_taxable(bool ppnOn, bool taxable, decimal rate)
    {
        var package = new ServicePackage { Code = "X", Name = "X", MonthlyPrice = 150_000m, IsTaxable = taxable };

        var bill = MonthlyCharges.For(package, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), Defaults with { PpnEnabled = ppnOn })!;

        Assert.Equal(rate, bill.TaxRatePercent);
    }

    [Fact]
    public void Ppn_is_charged_after_the_discount_and_rounded_to_whole_rupiah()
    {
        var invoice = new Invoice("INV/2025/02/000001", 1, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10), 11m, DateTimeOffset.UnixEpoch);

        invoice.AddLine(InvoiceLineKind.Subscription, "Paket", 1, 166_650m);
        invoice.AddLine(InvoiceLineKind.Discount, "Diskon", 1, 10_000m);

        // (166,650 − 10,000) × 11% = 17,231.5 → 17,232.
        Assert.Equal((166_650m, 10_000m, 17_232m, 173_882m), (invoice.Subtotal, invoice.DiscountAmount, invoice.TaxAmount, invoice.Total));
    }

    [Theory]
    // Billed on the 1st: due on the due day (10th).
    [InlineData("2025-02-01", "2025-02-10")]
    [InlineData("2025-02-09", "2025-02-10")]
    // Issued on or after the due day: at least seven days to pay.
    [InlineData("2025-02-10", "2025-02-19")]
    [InlineData("2025-02-20", "2025-03-01")]
    public void The_due_date_is_the_due_day_or_days_after_a_late_issue(string issued, string due)
    {
        var bill = MonthlyCharges.For(Home20, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), DateOnly.Parse(issued), Defaults)!;

        Assert.Equal(DateOnly.Parse(due), bill.DueDate);
    }
}
