using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Chat;

/// <param name="FileName">The uploader's name for the file, for the download.</param>
[FeatureApi]
public sealed record TicketAttachmentFile(Stream Content, string ContentType, string FileName);

/// <summary>The file on a ticket message, opened for a member of staff to download.</summary>
[FeatureApi]
public sealed class TicketAttachmentDownload(IIspDbFactory dbs, ITicketAttachmentStore files)
{
    /// <summary>A file kept without the uploader's name is offered under this one.</summary>
    public const string DefaultFileName = "lampiran";

    /// <returns>Null when the message has no file, or the file is gone from the store.</returns>
    public async Task<TicketAttachmentFile?> OpenAsync(long commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var comment = await db.TicketComments.AsNoTracking().Where(c => c.Id == commentId && c.AttachmentPath != null)
            .Select(c => new { c.AttachmentPath, c.AttachmentName }).SingleOrDefaultAsync(cancellationToken);
        if (comment is null || files.Open(comment.AttachmentPath!) is not { } file)
            return null;
        return new TicketAttachmentFile(file.Content, file.ContentType, comment.AttachmentName ?? DefaultFileName);
    }
}
