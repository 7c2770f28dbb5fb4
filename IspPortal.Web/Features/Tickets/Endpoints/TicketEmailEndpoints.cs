using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets.Intake;
using Microsoft.AspNetCore.Mvc;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Tickets.Endpoints;

/// <summary>
/// The e-mail channel: the mail server (a Postfix pipe, or a provider's raw-MIME forward) posts each
/// message for the support address here. Chosen over polling a mailbox because the portal is already
/// reachable from outside (payment and WhatsApp webhooks), a push starts the SLA clock when the mail
/// arrives rather than at the next poll, and no mailbox password has to live in the portal.
/// </summary>
public static class TicketEmailEndpoints
{
    public const string Route = "/tickets/email";
    public const string RawMessageType = "message/rfc822";
    /// <summary>Photos from a phone and a PDF or two; larger mail is refused with 413.</summary>
    public const long MaxMessageBytes = 25 * 1024 * 1024;

    public static RouteGroupBuilder MapTicketEmailEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost(Route, async (HttpRequest request, EmailTicketIntake intake, IInboundEmailReader reader, CancellationToken cancellationToken) =>
            {
                if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), RawMessageType, StringComparison.OrdinalIgnoreCase))
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Format surel tidak didukung",
                        detail: $"Kirim surel mentah (RFC 5322) dengan Content-Type {RawMessageType}.");
                InboundEmail email;
                try
                {
                    email = await reader.ReadAsync(request.Body, cancellationToken);
                }
                catch (FormatException exception)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Surel tidak bisa dibaca", detail: exception.Message);
                }
                var outcome = await intake.ExecuteAsync(email, cancellationToken);
                if (outcome.Value is not { } done)
                    return outcome.ToValidationProblem();
                var body = new EmailIntakeResponse(done.Result.ToString(), done.TicketId, done.TicketNumber, done.Reason);
                return done.Result == EmailIntakeResult.Opened ? Results.Created($"/api/tickets?search={Uri.EscapeDataString(done.TicketNumber!)}", body) : Results.Ok(body);
            })
            .RequireAuthorization(Permissions.TicketsWrite)
            .WithMetadata(new RequestSizeLimitAttribute(MaxMessageBytes))
            .WithTags("Tickets")
            .Produces<EmailIntakeResponse>(StatusCodes.Status201Created)
            .Produces<EmailIntakeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // No Accepts<> metadata: routing would answer a wrong Content-Type with its own 415 endpoint,
            // which sits outside the API group's key authentication; the handler checks it instead.
            .WithSummary("Raw e-mail (Content-Type message/rfc822) to the support address: opens a ticket, or joins the ticket it answers ([TKT-…] in the subject or In-Reply-To). Auto-replies are ignored; the same Message-ID twice is stored once.");
        return api;
    }
}

/// <param name="Result">Opened, Joined, Duplicate or Ignored.</param>
public sealed record EmailIntakeResponse(string Result, int? TicketId, string? Number, string? Reason);
