using IspPortal.Core.Common;
using IspPortal.Core.SelfService.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Web.Features.SelfService.Authentication;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.SelfService.Endpoints;

/// <summary>
/// <c>/api/portal/tickets</c>: the signed-in customer's own tickets: list, open (JSON with base64
/// photos, or multipart), read the conversation, write, confirm the fix, rate, download files. A
/// ticket number is taken as printed (URL-encoded) or with dashes for slashes; another customer's
/// number answers 404 exactly as a missing one. A refusal of the ticket's state (closed, already
/// answered) is 409; a refused field is a 400 validation problem naming it.
/// </summary>
public static class PortalTicketEndpoints
{
    /// <summary>Three photos of 5 MB in base64, and the rest of the request.</summary>
    public const long MaxRequestBytes = 24 * 1024 * 1024;

    public static RouteGroupBuilder MapPortalTicketEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/ticket-categories", async (CustomerTickets tickets, CancellationToken cancellationToken) =>
            Results.Ok((await tickets.CategoriesAsync(cancellationToken)).Select(c => new PortalTicketCategoryResponse(c.Code, c.Name))))
            .Produces<IEnumerable<PortalTicketCategoryResponse>>();

        api.MapGet("/tickets", async (HttpContext context, CustomerTickets tickets, CancellationToken cancellationToken) =>
            Results.Ok((await tickets.ListAsync(CustomerTokenAuthenticationHandler.CallerOf(context), cancellationToken)).Select(PortalTicket.From)))
            .Produces<IEnumerable<PortalTicket>>();

        api.MapPost("/tickets", async (NewPortalTicketRequest request, HttpContext context, OpenCustomerTicket open, CancellationToken cancellationToken) =>
            {
                var uploads = request.Photos ?? [];
                var photos = new List<PortalPhoto>();
                var errors = new FieldErrors();
                for (var i = 0; i < uploads.Count && uploads.Count <= OpenCustomerTicket.MaxPhotos; i++)
                {
                    if (Decode(uploads[i], $"Photos[{i}]", errors) is { } photo)
                        photos.Add(photo);
                }
                if (errors.Any)
                    return Outcome.Refused<PortalTicket>(errors).ToValidationProblem();
                // Too many: not decoded, the use case refuses them by their number.
                if (uploads.Count > OpenCustomerTicket.MaxPhotos)
                    photos = [.. uploads.Select(u => new PortalPhoto(u.FileName ?? "", Stream.Null))];
                return Opened(await open.ExecuteAsync(CustomerTokenAuthenticationHandler.CallerOf(context), request.Category, request.Description, photos, cancellationToken));
            })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .Produces<PortalTicket>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Report a problem: a description, optionally a category and up to 3 photos (base64). Also accepts multipart/form-data: category, description, files named photos.");

        api.MapPost("/tickets", async (HttpContext context, OpenCustomerTicket open, CancellationToken cancellationToken) =>
            {
                var form = await context.Request.ReadFormAsync(cancellationToken);
                var files = form.Files.GetFiles("photos");
                var errors = new FieldErrors();
                for (var i = 0; i < files.Count; i++)
                    errors.When(files[i].Length > ITicketAttachmentStore.MaxBytes, $"Photos[{i}]", TooLarge);
                if (errors.Any)
                    return Outcome.Refused<PortalTicket>(errors).ToValidationProblem();
                var photos = files.Select(f => new PortalPhoto(f.FileName, f.OpenReadStream())).ToList();
                try
                {
                    return Opened(await open.ExecuteAsync(CustomerTokenAuthenticationHandler.CallerOf(context), form["category"], form["description"], photos, cancellationToken));
                }
                finally
                {
                    foreach (var photo in photos)
                        await photo.Content.DisposeAsync();
                }
            })
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .ExcludeFromDescription();

        api.MapGet("/tickets/{number}", async (string number, HttpContext context, CustomerTicketChat chat, CancellationToken cancellationToken) =>
            await chat.LoadAsync(CustomerTokenAuthenticationHandler.CallerOf(context), Uri.UnescapeDataString(number), cancellationToken) is { } conversation
                ? Results.Ok(PortalTicketDetail.From(conversation))
                : NotFound())
            .Produces<PortalTicketDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/tickets/{number}/messages", async (string number, PortalMessageRequest request, HttpContext context, CustomerTicketChat chat, CancellationToken cancellationToken) =>
            {
                var errors = new FieldErrors();
                var photo = request.Photo is null ? null : Decode(request.Photo, "Photo", errors);
                if (errors.Any)
                    return Outcome.Refused<long>(errors).ToValidationProblem();
                var outcome = await chat.SendAsync(CustomerTokenAuthenticationHandler.CallerOf(context), Uri.UnescapeDataString(number), request.Text, photo, cancellationToken);
                return outcome.Succeeded
                    ? Results.Created(TicketUrl(Uri.UnescapeDataString(number)), new PortalMessageSent(outcome.Value))
                    : Refusal(outcome);
            })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes / 3))
            .Produces<PortalMessageSent>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/tickets/{number}/confirmation", async (string number, PortalConfirmationRequest request, HttpContext context, CustomerTicketChat chat,
                CustomerTickets tickets, CancellationToken cancellationToken) =>
            {
                if (request.Resolved is not { } resolved)
                    return Outcome.Refused<bool>("Resolved", "Jawab apakah masalahnya sudah selesai (true atau false).").ToValidationProblem();
                var caller = CustomerTokenAuthenticationHandler.CallerOf(context);
                var outcome = await chat.ConfirmAsync(caller, Uri.UnescapeDataString(number), resolved, request.Comment, cancellationToken);
                return outcome.Succeeded ? await TicketAsync(tickets, caller, number, cancellationToken) : Refusal(outcome);
            })
            .Produces<PortalTicket>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/tickets/{number}/rating", async (string number, PortalRatingRequest request, HttpContext context, CustomerTicketChat chat,
                CustomerTickets tickets, CancellationToken cancellationToken) =>
            {
                var caller = CustomerTokenAuthenticationHandler.CallerOf(context);
                var outcome = await chat.RateAsync(caller, Uri.UnescapeDataString(number), request.Stars ?? 0, request.Comment, cancellationToken);
                return outcome.Succeeded ? await TicketAsync(tickets, caller, number, cancellationToken) : Refusal(outcome);
            })
            .Produces<PortalTicket>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/tickets/{number}/attachments/{commentId:long}", async (string number, long commentId, HttpContext context, CustomerTicketChat chat,
                CancellationToken cancellationToken) =>
            {
                if (await chat.AttachmentAsync(CustomerTokenAuthenticationHandler.CallerOf(context), Uri.UnescapeDataString(number), commentId, cancellationToken) is not { } file)
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan", detail: "Lampiran tidak ditemukan.");
                context.Response.Headers.CacheControl = "private, no-store";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static string TicketUrl(string number) => $"{PortalApiEndpoints.Prefix}/tickets/{Uri.EscapeDataString(number)}";

    public static string AttachmentUrl(string number, long commentId) => $"{TicketUrl(number)}/attachments/{commentId}";

    private const string TooLarge = "Foto terlalu besar: maksimal 5 MB.";

    private static IResult Opened(Outcome<PortalTicketSummary> outcome) =>
        outcome.Value is { } ticket ? Results.Created(TicketUrl(ticket.Number), PortalTicket.From(ticket)) : outcome.ToValidationProblem();

    private static async Task<IResult> TicketAsync(CustomerTickets tickets, Core.SelfService.SelfServiceCaller caller, string number, CancellationToken cancellationToken) =>
        await tickets.FindAsync(caller, Uri.UnescapeDataString(number), cancellationToken) is { } ticket ? Results.Ok(PortalTicket.From(ticket)) : NotFound();

    /// <summary>Missing or another customer's: 404; the ticket's state refuses (field ""): 409; else the fields, 400.</summary>
    private static IResult Refusal<T>(Outcome<T> outcome) =>
        outcome.FirstError == CustomerTickets.NotFound ? NotFound()
        : outcome.Errors.Keys.All(k => k.Length == 0)
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tiket tidak dapat diubah", detail: outcome.FirstError)
            : outcome.ToValidationProblem();

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan", detail: CustomerTickets.NotFound);

    /// <returns>The decoded photo; null (with the reason in <paramref name="errors"/>) when it is not base64 or too large.</returns>
    private static PortalPhoto? Decode(PortalPhotoUpload upload, string field, FieldErrors errors)
    {
        var text = upload.ContentBase64 ?? "";
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && text.IndexOf(',', StringComparison.Ordinal) is var comma and > 0)
            text = text[(comma + 1)..];
        // Refused by its length before anything is allocated for it.
        if (text.Length / 4 * 3 > ITicketAttachmentStore.MaxBytes + 3)
        {
            errors.Add(field, TooLarge);
            return null;
        }
        var bytes = new byte[text.Length / 4 * 3 + 3];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, bytes, out var written))
        {
            errors.Add(field, "Foto tidak terbaca: kirim isinya dalam base64.");
            return null;
        }
        if (written > ITicketAttachmentStore.MaxBytes)
        {
            errors.Add(field, TooLarge);
            return null;
        }
        return new PortalPhoto(string.IsNullOrWhiteSpace(upload.FileName) ? "foto" : upload.FileName, new MemoryStream(bytes, 0, written, writable: false));
    }
}
