using IspPortal.Core.Identity;
using IspPortal.Core.SelfService.Account;
using IspPortal.Core.SelfService.SignIn;
using IspPortal.Core.SelfService.Tickets;
using IspPortal.Web.Features.Identity.Endpoints;
using IspPortal.Web.Features.SelfService.Components;
using IspPortal.Web.Shell;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace IspPortal.Web.Features.SelfService.Endpoints;

/// <summary>
/// The plain HTTP side of <c>/pelanggan</c>: signing out (here or everywhere), the language, and the
/// PDFs. Open as far as staff authorization goes; each checks the customer's own cookie, and the
/// forms their antiforgery token.
/// </summary>
public static class SelfServicePageEndpoints
{
    public const string CulturePath = "/pelanggan/bahasa";
    public const string SignOutPath = "/pelanggan/keluar";
    public const string SignOutEverywherePath = "/pelanggan/keluar-semua";

    public static string InvoicePdf(string number) => "/pelanggan/dokumen/tagihan/" + Uri.EscapeDataString(number.Replace('/', '-'));

    public static string ReceiptPdf(string number) => "/pelanggan/dokumen/kuitansi/" + Uri.EscapeDataString(number.Replace('/', '-'));

    public static string TicketAttachment(string ticketNumber, long commentId) =>
        $"/pelanggan/dokumen/tiket/{Uri.EscapeDataString(ticketNumber.Replace('/', '-'))}/{commentId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static IEndpointRouteBuilder MapSelfServicePageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/pelanggan").AllowAnonymous().ExcludeFromDescription()
            .RequireRateLimiting(Host.WebServices.PayPageRateLimitPolicy);

        pages.MapPost("/keluar", async (HttpContext context, IAntiforgery antiforgery, CustomerSessions sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid antiforgery token");
            if (await CustomerPortalSession.FromCookieAsync(context, sessions) is { } caller)
                await sessions.SignOutAsync(caller, ClientAddress.Of(context), context.RequestAborted);
            CustomerPortalSession.Clear(context);
            return Results.LocalRedirect(CustomerPortalSession.SignInPath);
        });

        pages.MapPost("/keluar-semua", async (HttpContext context, IAntiforgery antiforgery, CustomerSessions sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid antiforgery token");
            if (await CustomerPortalSession.FromCookieAsync(context, sessions) is { } caller)
                await sessions.SignOutEverywhereAsync(caller, ClientAddress.Of(context), context.RequestAborted);
            CustomerPortalSession.Clear(context);
            return Results.LocalRedirect(CustomerPortalSession.SignInPath);
        });

        pages.MapPost("/bahasa", async (HttpContext context, IAntiforgery antiforgery, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid antiforgery token");
            if (!PortalCultures.All.Contains(culture))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown culture", detail: "Use 'id' or 'en'.");
            AccountEndpoints.AppendCultureCookie(context, culture);
            return Results.LocalRedirect(returnUrl is { } url && url.StartsWith("/pelanggan", StringComparison.Ordinal)
                && AccountEndpoints.SafeReturnUrl(url) == url ? url : "/pelanggan");
        }).DisableAntiforgery();

        pages.MapGet("/dokumen/tagihan/{number}", async (string number, HttpContext context, CustomerSessions sessions, CustomerDocuments documents) =>
            await CustomerPortalSession.FromCookieAsync(context, sessions) is not { } caller ? Results.LocalRedirect(CustomerPortalSession.SignInPath)
            : await documents.InvoicePdfAsync(caller, Uri.UnescapeDataString(number), context.RequestAborted) is { } pdf ? Results.File(pdf.Content, "application/pdf", pdf.FileName)
            : DocumentNotFound("Tagihan tidak ditemukan."));

        pages.MapGet("/dokumen/kuitansi/{number}", async (string number, HttpContext context, CustomerSessions sessions, CustomerDocuments documents) =>
            await CustomerPortalSession.FromCookieAsync(context, sessions) is not { } caller ? Results.LocalRedirect(CustomerPortalSession.SignInPath)
            : await documents.ReceiptPdfAsync(caller, Uri.UnescapeDataString(number), context.RequestAborted) is { } pdf ? Results.File(pdf.Content, "application/pdf", pdf.FileName)
            : DocumentNotFound("Kuitansi tidak ditemukan."));
        pages.MapGet("/dokumen/tiket/{number}/{commentId:long}", async (string number, long commentId, HttpContext context, CustomerSessions sessions, CustomerTicketChat chat) =>
        {
            if (await CustomerPortalSession.FromCookieAsync(context, sessions) is not { } caller)
                return Results.LocalRedirect(CustomerPortalSession.SignInPath);
            if (await chat.AttachmentAsync(caller, Uri.UnescapeDataString(number), commentId, context.RequestAborted) is not { } file)
                return DocumentNotFound(CustomerTickets.NotFound);
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
        return endpoints;
    }

    /// <summary>With a body, so the staff "not found" page (which asks a staff sign-in) is not shown in its place.</summary>
    private static IResult DocumentNotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan", detail: detail);
}
