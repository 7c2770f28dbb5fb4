using System.IO.Compression;
using System.Net;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Billing.Documents;

/// <summary>Invoice, receipt and zip downloads over real HTTP with the sign-in cookie.</summary>
public sealed class BillingDocumentDownloadTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private BillingDocumentData _data = default!;

    public async Task InitializeAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        _data = await BillingDocumentData.EnsureAsync(db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Finance_downloads_an_invoice_pdf_and_a_receipt_under_their_numbers()
    {
        using var client = await SignInAsync(Roles.Finance);

        using var invoice = await client.GetAsync(new Uri($"billing/invoices/{_data.Unpaid.Id}/pdf", UriKind.Relative));
        using var receipt = await client.GetAsync(new Uri($"billing/payments/{_data.Payment.Id}/receipt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, invoice.StatusCode);
        Assert.Equal("application/pdf", invoice.Content.Headers.ContentType?.MediaType);
        Assert.Equal("INV-2025-02-000001.pdf", invoice.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", invoice.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Siti Nurhaliza", await PdfText.ExtractAsync(await invoice.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("PAY-2025-02-000045.pdf", receipt.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Download_all_streams_a_zip_of_the_month_and_refuses_a_malformed_period()
    {
        using var client = await SignInAsync(Roles.Finance);

        using var zip = await client.GetAsync(new Uri("billing/invoices/zip?period=2025-02", UriKind.Relative));
        using var paidOnly = await client.GetAsync(new Uri("billing/invoices/zip?period=2025-02&status=paid", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("billing/invoices/zip?period=Februari", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal(("application/zip", "tagihan-2025-02.zip"), (zip.Content.Headers.ContentType?.MediaType, zip.Content.Headers.ContentDisposition?.FileName));
        using var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(["INV-2025-02-000001.pdf"], archive.Entries.Select(e => e.FullName));
        // The paid invoice is January's: February has no paid one.
        Assert.Equal(HttpStatusCode.NotFound, paidOnly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task A_selection_posted_without_the_antiforgery_token_is_refused()
    {
        using var client = await SignInAsync(Roles.Finance);

        using var forged = await client.PostAsync(new Uri("billing/invoices/zip", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ids"] = $"{_data.Unpaid.Id},{_data.Paid.Id}" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task An_unknown_invoice_is_not_found()
    {
        using var client = await SignInAsync(Roles.Finance);

        using var response = await client.GetAsync(new Uri("billing/invoices/999999/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Noc)]
    public async Task Roles_without_billing_read_get_no_pdf(string role)
    {
        using var client = await SignInAsync(role);

        using var response = await client.GetAsync(new Uri($"billing/invoices/{_data.Unpaid.Id}/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(new Uri($"billing/payments/{_data.Payment.Id}/receipt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string role) => await portal.SignInAsync(await portal.EnsureUserAsync(role));
}
