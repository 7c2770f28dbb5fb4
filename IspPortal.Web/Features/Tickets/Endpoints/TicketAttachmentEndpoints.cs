using IspPortal.Core.Identity;
using IspPortal.Core.Tickets.Chat;

namespace IspPortal.Web.Features.Tickets.Endpoints;

public static class TicketAttachmentEndpoints
{
    public const string Route = "/tickets/attachments";

    /// <summary>A file on a ticket message, for signed-in staff who may read tickets, as a download under its original name.</summary>
    public static IEndpointRouteBuilder MapTicketAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route + "/{commentId:long}", async (long commentId, TicketAttachmentDownload attachments, HttpContext context) =>
            {
                if (await attachments.OpenAsync(commentId, context.RequestAborted) is not { } file)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = "private, max-age=3600";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Permissions.TicketsRead)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string UrlFor(long commentId) => $"{Route}/{commentId}";
}
