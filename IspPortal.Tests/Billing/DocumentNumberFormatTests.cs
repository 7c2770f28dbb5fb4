using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;

namespace IspPortal.Tests.Billing;

public sealed class DocumentNumberFormatTests
{
    private static readonly DateOnly February2025 = new(2025, 2, 1);

    [Theory]
    [InlineData("INV/{yyyy}/{MM}/{seq:6}", 123, "INV/2025/02/000123")]
    [InlineData("INV-{yy}{MM}-{seq:4}", 7, "INV-2502-0007")]
    [InlineData("F{yyyy}{seq}", 42, "F2025000042")]
    [InlineData("INV/{yyyy}/{MM}/{seq:3}", 12345, "INV/2025/02/12345")]
    public void Numbers_fill_the_period_and_pad_the_running_number(string format, long number, string expected) =>
        Assert.Equal(expected, DocumentNumberFormat.Render(format, February2025, number));

    [Fact]
    public void The_counter_restarts_where_the_rest_of_the_number_changes()
    {
        Assert.Equal("invoice:INV/2025/02/#", DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, "INV/{yyyy}/{MM}/{seq:6}", February2025));
        Assert.NotEqual(
            DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, "INV/{yyyy}/{MM}/{seq:6}", February2025),
            DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, "INV/{yyyy}/{MM}/{seq:6}", February2025.AddMonths(1)));
        // Without the month in the number, the count runs through the year.
        Assert.Equal(
            DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, "INV/{yyyy}/{seq:6}", February2025),
            DocumentNumberFormat.Scope(DocumentNumberFormat.InvoiceKind, "INV/{yyyy}/{seq:6}", February2025.AddMonths(1)));
    }

    [Theory]
    [InlineData("INV/{yyyy}/{MM}", "tepat satu kali")]
    [InlineData("INV/{seq}/{seq}", "tepat satu kali")]
    [InlineData("INV/{tahun}/{seq:6}", "{tahun}")]
    [InlineData("INVOICE-PT-NETKITA-NUSANTARA/{yyyy}/{MM}/{seq:10}", "lebih dari 32 karakter")]
    [InlineData("", "wajib diisi")]
    public void A_format_that_cannot_number_invoices_is_refused_with_the_reason(string format, string reason) =>
        Assert.Contains(DocumentNumberFormat.Problems(format, Invoice.NumberMaxLength), p => p.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void The_default_formats_are_valid()
    {
        Assert.Empty(DocumentNumberFormat.Problems(new IspPortal.Core.Billing.BillingSettings().InvoiceNumberFormat, Invoice.NumberMaxLength));
        Assert.Empty(DocumentNumberFormat.Problems(Payment.NumberFormat, Payment.NumberMaxLength));
    }
}
