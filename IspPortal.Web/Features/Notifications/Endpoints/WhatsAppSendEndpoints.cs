using IspPortal.Core.Identity;
using IspPortal.Core.Notifications.WhatsApp;
using IspPortal.Web.Shell.Api;
using Microsoft.AspNetCore.Authorization;

namespace IspPortal.Web.Features.Notifications.Endpoints;

public static class WhatsAppSendEndpoints
{
    public static RouteGroupBuilder MapWhatsAppSendEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/whatsapp/send", async (SendRequest request, HttpContext context, QueueWhatsAppMessage queue, IAuthorizationService authorization,
                CancellationToken cancellationToken) =>
            {
                var send = new WhatsAppSendRequest(request.CustomerCode, request.Phone, request.Template, request.Parameters, request.Text,
                    context.Request.Headers["Idempotency-Key"].FirstOrDefault());
                if (QueueWhatsAppMessage.NeedsSendPermission(send) && !(await authorization.AuthorizeAsync(context.User, Permissions.NotificationsSend)).Succeeded)
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Izin kurang",
                        detail: $"Teks bebas atau templat dengan tautan memerlukan izin {Permissions.NotificationsSend}.");
                var outcome = await queue.ExecuteAsync(send, cancellationToken);
                return outcome.Value is { } queued
                    ? Results.Accepted($"/api/whatsapp/messages/{queued.Id}", new SendResponse(queued.Id, queued.Recipient, queued.Template, queued.Status.ToString(), queued.AlreadyQueued))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.CustomersWrite)
            .WithTags("WhatsApp")
            .Produces<SendResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Queue a WhatsApp message to a customer (customerCode) or a number (phone): a template with parameters, or free text. "
                + "Free text, or link parameters (which must point to this portal), need notifications.send besides customers.write. Header Idempotency-Key makes a retry safe.");
        return api;
    }
}

public sealed record SendRequest(string? CustomerCode, string? Phone, string? Template, Dictionary<string, string>? Parameters, string? Text);

/// <param name="AlreadyQueued">True when the Idempotency-Key was seen before: this is the first message, not a new one.</param>
public sealed record SendResponse(long Id, string Recipient, string Template, string Status, bool AlreadyQueued);
