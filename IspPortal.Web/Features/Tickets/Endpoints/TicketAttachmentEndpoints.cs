using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets.Chat;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Web.Features.Tickets.Endpoints;

public static class TicketAttachmentEndpoints
{
    public const string Route = "/tickets/attachments";

    /// <summary>A file on a ticket message, for signed-in staff who may read tickets, as a download under its original name.</summary>
    public static IEndpointRouteBuilder MapTicketAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route + "/{commentId:long}", async (long commentId, IIspDbFactory dbs, ITicketAttachmentStore files, HttpContext context) =>
            {
                await using var db = await dbs.CreateAsync(context.RequestAborted);
                var comment = await db.TicketComments.AsNoTracking().Where(c => c.Id == commentId && c.AttachmentPath != null)
                    .Select(c => new { c.AttachmentPath, c.AttachmentName }).SingleOrDefaultAsync(context.RequestAborted);
                if (comment is null || files.Open(comment.AttachmentPath!) is not { } file)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = "private, max-age=3600";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, comment.AttachmentName ?? "lampiran");
            })
            .RequireAuthorization(Permissions.TicketsRead)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string UrlFor(long commentId) => $"{Route}/{commentId}";
}
