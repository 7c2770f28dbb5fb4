using IspPortal.Core.Notifications.WhatsApp;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Notifications.Endpoints;

public static class WhatsAppWebhookEndpoints
{
    public const string Route = "/api/whatsapp/webhook";

    /// <summary>Cloud API deliveries are far smaller; a larger body is refused before it is read.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Meta cannot send our API key: the webhook is anonymous and trusts only the
    /// <c>X-Hub-Signature-256</c> over the raw body (and the verify token for the handshake).
    /// </summary>
    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, async (HttpContext context, ReceiveWhatsAppWebhook webhook) =>
            {
                // Query names contain dots: read them explicitly.
                var query = context.Request.Query;
                var challenge = await webhook.VerifyAsync(query["hub.mode"], query["hub.verify_token"], query["hub.challenge"], context.RequestAborted);
                return challenge is null ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Text(challenge, "text/plain");
            })
            .AllowAnonymous()
            .WithTags("WhatsApp")
            .WithSummary("Webhook verification handshake (hub.mode, hub.verify_token, hub.challenge)");

        endpoints.MapPost(Route, async (HttpContext context, ReceiveWhatsAppWebhook webhook) =>
            {
                if (await SignedRequestBody.ReadAsync(context, MaxBodyBytes) is not { } body)
                    return SignedRequestBody.TooLarge();
                var result = await webhook.ExecuteAsync(body, context.Request.Headers[ReceiveWhatsAppWebhook.SignatureHeader], context.RequestAborted);
                return result.Verdict switch
                {
                    WebhookVerdict.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Tanda tangan webhook tidak valid",
                        detail: $"{ReceiveWhatsAppWebhook.SignatureHeader} tidak cocok dengan isi permintaan."),
                    WebhookVerdict.Malformed => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Isi webhook tidak dikenali"),
                    _ => Results.Ok(new { result.Statuses, result.InboundMessages, result.Duplicates }),
                };
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("WhatsApp")
            .WithSummary("Cloud API webhook: delivery statuses and inbound messages, signed with the app secret");
        return endpoints;
    }
}
