using System.IO.Compression;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing.Documents;

/// <summary>Invoices and receipts loaded from real PostgreSQL with the settings, rendered, and zipped.</summary>
public sealed class BillingDocumentsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private BillingDocumentData _data = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
        await using var db = database.CreateDbContext();
        _data = await BillingDocumentData.SeedAsync(db);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_invoice_pdf_shows_the_company_from_the_settings_the_customer_total_terbilang_and_payment_instructions()
    {
        await SaveAsync(new CompanyProfile { Name = "PT Net Karawang", Address = "Jl. Tuparev 1", City = "Karawang" });
        await SaveAsync(new PaymentInstructions { BankTransfer = "BCA 1234567890 a.n. PT Net Karawang" });
        await using var scope = _services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<BillingDocuments>();

        var pdf = await documents.InvoicePdfAsync(_data.Unpaid.Id);

        Assert.Equal("INV-2025-02-000001.pdf", pdf!.FileName);
        var text = await PdfText.ExtractAsync(pdf.Content);
        Assert.Contains("PT Net Karawang", text, StringComparison.Ordinal);
        Assert.Contains("Jl. Tuparev 1, Karawang", text, StringComparison.Ordinal);
        Assert.Contains("Siti Nurhaliza", text, StringComparison.Ordinal);
        Assert.Contains("Jl. Ahmad Yani 12, Karawang", text, StringComparison.Ordinal);
        // 350,000 − 50,000 discount + 11% PPN = 333,000.
        Assert.Equal(333_000m, _data.Unpaid.Total);
        Assert.Contains(Rupiah.Format(333_000m), text, StringComparison.Ordinal);
        Assert.Contains("tiga ratus tiga puluh tiga ribu rupiah", text, StringComparison.Ordinal);
        Assert.Contains("BCA 1234567890 a.n. PT Net Karawang", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LUNAS", text, StringComparison.Ordinal);
        Assert.Contains("LUNAS", await PdfText.ExtractAsync((await documents.InvoicePdfAsync(_data.Paid.Id))!.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_lists_the_invoices_the_payment_settled_and_the_credit_kept()
    {
        await using var scope = _services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<BillingDocuments>();

        var receipt = await documents.ReceiptAsync(_data.Payment.Id);
        var pdf = await documents.ReceiptPdfAsync(_data.Payment.Id);

        Assert.Equal([new ReceiptAllocation("INV/2025/02/000002", 555_000m)], receipt!.Allocations);
        Assert.Equal((45_000m, "enam ratus ribu rupiah", "Sistem"), (receipt.CreditKept, receipt.AmountInWords, receipt.ReceivedBy));
        // 07:30 UTC is 14:30 in Jakarta, the default zone.
        Assert.Equal(new DateTimeOffset(2025, 2, 5, 14, 30, 0, TimeSpan.FromHours(7)), receipt.ReceivedAt);
        Assert.Equal(TimeSpan.FromHours(7), receipt.ReceivedAt.Offset);
        Assert.Equal("PAY-2025-02-000045.pdf", pdf!.FileName);
        Assert.Contains("INV/2025/02/000002", await PdfText.ExtractAsync(pdf.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_transfer_and_unknown_ids_have_no_document()
    {
        var transfer = new Payment("PAY/2025/02/000046", _data.Customer.Id, PaymentMethod.BankTransfer, 100_000m, BillingDocumentData.At, null);
        await using (var db = database.CreateDbContext())
        {
            db.Payments.Add(transfer);
            await db.SaveChangesAsync();
        }
        await using var scope = _services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<BillingDocuments>();

        Assert.Null(await documents.ReceiptPdfAsync(transfer.Id));
        Assert.Null(await documents.ReceiptPdfAsync(-1));
        Assert.Null(await documents.InvoicePdfAsync(-1));
    }

    [Fact]
    public async Task The_zip_holds_one_pdf_per_invoice_named_after_its_number()
    {
        await using var scope = _services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<BillingDocuments>();
        using var output = new MemoryStream();
        var january = await documents.InvoiceIdsAsync(BillingDocumentData.February.AddMonths(-1), InvoiceStatus.Paid);
        var february = await documents.InvoiceIdsAsync(BillingDocumentData.February, null);

        await documents.WriteInvoicesZipAsync([.. january, .. february], output);

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        Assert.Equal(["INV-2025-02-000001.pdf", "INV-2025-02-000002.pdf"], zip.Entries.Select(e => e.FullName).Order());
        foreach (var entry in zip.Entries)
        {
            await using var content = await entry.OpenAsync();
            var header = new byte[5];
            await content.ReadExactlyAsync(header);
            Assert.Equal("%PDF-"u8.ToArray(), header);
        }
    }

    [Fact]
    public async Task More_than_5000_invoices_in_one_zip_are_refused_before_anything_is_written()
    {
        await using var scope = _services.CreateAsyncScope();
        using var output = new MemoryStream();

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => scope.ServiceProvider.GetRequiredService<BillingDocuments>()
            .WriteInvoicesZipAsync([.. Enumerable.Range(1, BillingDocuments.MaxInvoicesPerZip + 1)], output));

        Assert.Contains("5.000", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    private async Task SaveAsync<T>(T group) where T : ISettingsGroup<T>, new()
    {
        await using var scope = _services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(group, Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }
}
