using System.Globalization;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.SelfService;
using IspPortal.Core.SelfService.Account;
using IspPortal.Core.SelfService.SignIn;
using IspPortal.Web.Features.SelfService.Authentication;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Api;
using Microsoft.AspNetCore.Authorization;

namespace IspPortal.Web.Features.SelfService.Endpoints;

public sealed record OtpRequest(string? Login);

public sealed record OtpAccepted(string Message);

public sealed record SessionRequest(string? Login, string? Code);

public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt);

/// <param name="Method">qris, va_bca, va_bni, va_bri, va_mandiri, va_permata, gopay or shopeepay.</param>
public sealed record PaymentRequest(string? Method);

/// <summary>
/// <c>/api/portal</c>: the customers' API for a mobile app. Signing in is open (and throttled);
/// everything else needs a customer's bearer token and reaches only that customer's data. Staff
/// API keys and cookies are not asked here, and customer tokens are not accepted anywhere else.
/// </summary>
public static class PortalApiEndpoints
{
    public const string Prefix = "/api/portal";
    public const string CodeSentMessage = "Bila login tersebut terdaftar, kode masuk 6 digit sudah kami kirim lewat WhatsApp. Kode berlaku 5 menit.";

    public static IEndpointRouteBuilder MapPortalApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup(Prefix).WithTags("Portal pelanggan")
            .AllowAnonymous()
            .RequireRateLimiting(Host.WebServices.PayPageRateLimitPolicy)
            .DisableAntiforgery()
            .RefuseUnsafeText();

        open.MapPost("/otp", async (OtpRequest request, HttpContext context, RequestSignInCode codes, CancellationToken cancellationToken) =>
        {
            var result = await codes.ExecuteAsync(request.Login, ClientAddress.Of(context), cancellationToken);
            return result.Status switch
            {
                CodeRequestStatus.Accepted => Results.Accepted(value: new OtpAccepted(CodeSentMessage)),
                CodeRequestStatus.Throttled => TooMany(context, result.Message!, result.RetryAfter),
                _ => Invalid("login", result.Message!),
            };
        }).Produces<OtpAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        open.MapPost("/session", async (SessionRequest request, HttpContext context, VerifySignInCode verify, CancellationToken cancellationToken) =>
        {
            var result = await verify.ExecuteAsync(request.Login, request.Code, remember: true, SessionChannel.Api,
                context.Request.Headers.UserAgent.ToString(), ClientAddress.Of(context), cancellationToken);
            return result.Verdict switch
            {
                CodeVerdict.SignedIn => Results.Ok(new SessionResponse(result.Token!, result.ExpiresAt!.Value)),
                CodeVerdict.Throttled => TooMany(context, result.Message!, result.RetryAfter),
                _ => Invalid("code", result.Message!),
            };
        }).Produces<SessionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        var api = endpoints.MapGroup(Prefix).WithTags("Portal pelanggan")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CustomerTokenAuthenticationHandler.SchemeName, Policy = CustomerTokenAuthenticationHandler.Policy })
            .DisableAntiforgery()
            .RefuseUnsafeText()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPortalTicketEndpoints();
        api.MapPortalProfileEndpoints();
        api.MapPortalPackageEndpoints();

        api.MapDelete("/session", async (HttpContext context, CustomerSessions sessions, CancellationToken cancellationToken) =>
        {
            await sessions.SignOutAsync(CustomerTokenAuthenticationHandler.CallerOf(context), ClientAddress.Of(context), cancellationToken);
            return Results.NoContent();
        });

        api.MapGet("/me", async (HttpContext context, CustomerHome home, CancellationToken cancellationToken) =>
            Results.Ok(PortalMe.From(await home.LoadAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken))))
            .Produces<PortalMe>();

        api.MapGet("/invoices", async (HttpContext context, CustomerDocuments documents, CancellationToken cancellationToken) =>
            Results.Ok((await documents.ListAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken)).Invoices.Select(PortalInvoice.From)))
            .Produces<IEnumerable<PortalInvoice>>();

        api.MapGet("/invoices/{number}/pdf", async (string number, HttpContext context, CustomerDocuments documents, CancellationToken cancellationToken) =>
            await documents.InvoicePdfAsync(CustomerTokenAuthenticationHandler.CallerOf(context), Uri.UnescapeDataString(number), cancellationToken) is { } pdf
                ? Results.File(pdf.Content, "application/pdf", pdf.FileName)
                : NotFound("Tagihan tidak ditemukan."))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/invoices/{number}/payments", async (string number, PaymentRequest request, HttpContext context, CustomerPayments payments, CancellationToken cancellationToken) =>
        {
            var started = await payments.StartAsync(CustomerTokenAuthenticationHandler.CallerOf(context), Uri.UnescapeDataString(number), request.Method,
                ClientAddress.Of(context), null, cancellationToken);
            return started switch
            {
                null => NotFound(CustomerPayments.NotFound),
                { Succeeded: false } refused => Invalid(refused.Errors.ContainsKey("") && PaymentChannels.Find(request.Method) is null ? "method" : "request", refused.FirstError),
                _ => Results.Ok(PortalPayment.From(started.Value!)),
            };
        }).Produces<PortalPayment>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/receipts", async (HttpContext context, CustomerDocuments documents, CancellationToken cancellationToken) =>
            Results.Ok((await documents.ListAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken)).Receipts.Select(PortalReceipt.From)))
            .Produces<IEnumerable<PortalReceipt>>();

        api.MapGet("/receipts/{number}/pdf", async (string number, HttpContext context, CustomerDocuments documents, CancellationToken cancellationToken) =>
            await documents.ReceiptPdfAsync(CustomerTokenAuthenticationHandler.CallerOf(context), Uri.UnescapeDataString(number), cancellationToken) is { } pdf
                ? Results.File(pdf.Content, "application/pdf", pdf.FileName)
                : NotFound("Kuitansi tidak ditemukan."))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/credit-notes", async (HttpContext context, CustomerDocuments documents, CancellationToken cancellationToken) =>
            Results.Ok((await documents.ListAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken)).CreditNotes))
            .Produces<IEnumerable<PortalCreditNoteView>>();
        return endpoints;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Permintaan tidak valid", detail: message);

    private static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan", detail: detail);

    internal static IResult TooMany(HttpContext context, string message, TimeSpan? retryAfter)
    {
        context.Response.Headers.RetryAfter = ((int)(retryAfter ?? TimeSpan.FromMinutes(15)).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Terlalu banyak permintaan", detail: message);
    }
}
