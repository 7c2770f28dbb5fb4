using System.Globalization;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IspPortal.Web.Features.Billing.Endpoints;

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
            if (!BillingPeriodText.TryParse(period, out var month))
                return Results.BadRequest(BillingPeriodText.Malformed);
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
            var name = $"tagihan-{BillingPeriodText.Of(month)}{(only is null ? "" : "-" + only.Value.ToString().ToLowerInvariant())}.zip";
            return Results.Stream(body => documents.WriteInvoicesZipAsync(ids, body, cancellationToken), "application/zip", name);
        });

        // A form post from the invoice list (a selection's ids would not fit in a URL); binding the
        // form makes ASP.NET Core check its antiforgery token, so another site cannot ride the cookie.
        billing.MapPost("/invoices/zip", async ([FromForm] string? ids, BillingDocuments documents, HttpContext context, CancellationToken cancellationToken) =>
        {
            var chosen = new List<int>();
            foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    return Results.BadRequest($"Nomor tagihan tidak valid: {part}.");
                chosen.Add(id);
            }
            chosen = [.. chosen.Distinct()];
            if (chosen.Count == 0)
                return Results.BadRequest("Pilih tagihan yang akan diunduh.");
            if (chosen.Count > BillingDocuments.MaxInvoicesPerZip)
                return Results.BadRequest(BillingDocuments.TooManyForOneZip(chosen.Count));
            NotCached(context);
            return Results.Stream(body => documents.WriteInvoicesZipAsync(chosen, body, cancellationToken), "application/zip", $"tagihan-terpilih-{chosen.Count}.zip");
        });
        return endpoints;
    }

    public static string InvoicePdfUrl(int invoiceId) => $"/billing/invoices/{invoiceId}/pdf";

    public const string SelectedInvoicesZipUrl = "/billing/invoices/zip";

    public static string MonthZipUrl(DateOnly period) => $"/billing/invoices/zip?period={BillingPeriodText.Of(period)}";

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
