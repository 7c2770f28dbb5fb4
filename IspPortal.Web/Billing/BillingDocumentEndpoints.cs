using System.Globalization;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Identity;

namespace IspPortal.Web.Billing;

/// <summary>Invoice and receipt PDFs for signed-in staff who may read billing (the cookie, not an API key).</summary>
public static class BillingDocumentEndpoints
{
    public const string PdfContentType = "application/pdf";

    public static IEndpointRouteBuilder MapBillingDocuments(this IEndpointRouteBuilder endpoints)
    {
        var billing = endpoints.MapGroup("/billing")
            .RequireAuthorization(Permissions.BillingRead)
            .ExcludeFromDescription();

        billing.MapGet("/invoices/{id:int}/pdf", async (int id, BillingDocuments documents, HttpContext context, CancellationToken cancellationToken) =>
            await documents.InvoicePdfAsync(id, cancellationToken) is { } pdf ? Download(context, pdf) : Results.NotFound());

        billing.MapGet("/payments/{id:long}/receipt", async (long id, BillingDocuments documents, HttpContext context, CancellationToken cancellationToken) =>
            await documents.ReceiptPdfAsync(id, cancellationToken) is { } pdf ? Download(context, pdf) : Results.NotFound());

        billing.MapGet("/invoices/zip", async (string? period, string? status, BillingDocuments documents, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (!DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                return Results.BadRequest("Periode ditulis YYYY-MM, misalnya 2025-02.");
            InvoiceStatus? only = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<InvoiceStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return Results.BadRequest($"Status tidak dikenal: {status}. Pilih salah satu: {string.Join(", ", Enum.GetNames<InvoiceStatus>())}.");
                only = parsed;
            }
            var ids = await documents.InvoiceIdsAsync(month, only, cancellationToken);
            if (ids.Count == 0)
                return Results.NotFound();
            if (ids.Count > BillingDocuments.MaxInvoicesPerZip)
                return Results.BadRequest(BillingDocuments.TooManyForOneZip(ids.Count));
            NotCached(context);
            var name = $"tagihan-{month:yyyy-MM}{(only is null ? "" : "-" + only.Value.ToString().ToLowerInvariant())}.zip";
            return Results.Stream(body => documents.WriteInvoicesZipAsync(ids, body, cancellationToken), "application/zip", name);
        });
        return endpoints;
    }

    public static string InvoicePdfUrl(int invoiceId) => $"/billing/invoices/{invoiceId}/pdf";

    public static string ReceiptUrl(long paymentId) => $"/billing/payments/{paymentId}/receipt";

    private static IResult Download(HttpContext context, BillingPdf pdf)
    {
        NotCached(context);
        return Results.File(pdf.Content, PdfContentType, pdf.FileName);
    }

    // Invoices carry names, addresses and amounts: never kept by a shared cache or the browser's.
    private static void NotCached(HttpContext context)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
