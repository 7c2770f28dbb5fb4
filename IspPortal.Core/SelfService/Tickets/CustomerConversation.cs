using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Tickets;

public enum PortalChatAuthor
{
    /// <summary>What happened to the ticket (opened, its status, the customer's rating).</summary>
    System,
    /// <summary>The customer: from the portal, WhatsApp or e-mail.</summary>
    Customer,
    Staff,
}

/// <param name="CommentId">What the download names (<see cref="CustomerTicketChat.AttachmentAsync"/>).</param>
public sealed record PortalChatAttachment(long CommentId, string Name, string ContentType, long? Size);

/// <param name="AuthorName">The staff member's name, or "Petugas"; null for the customer and the system.</param>
public sealed record PortalChatItem(string Key, PortalChatAuthor Author, string? AuthorName, DateTimeOffset At, string Body, PortalChatAttachment? Attachment);

/// <param name="Items">Oldest first, the newest <see cref="CustomerConversation.MaxItems"/>.</param>
public sealed record PortalConversation(PortalTicketSummary Ticket, string Description, IReadOnlyList<PortalChatItem> Items);

/// <summary>
/// A ticket's conversation as its customer sees it: their messages (portal, WhatsApp, e-mail), staff
/// replies under the staff member's name, and status lines. Never internal notes, delivery errors,
/// priorities, escalations or who it was assigned to: only what a message to the customer would say.
/// </summary>
internal static class CustomerConversation
{
    public const int MaxItems = 200;
    public const string StaffName = "Petugas";

    public static async Task<IReadOnlyList<PortalChatItem>> ReadAsync(IIspDb db, int ticketId, CancellationToken cancellationToken)
    {
        var items = new List<PortalChatItem>();
        items.AddRange(await CommentsAsync(db, ticketId, cancellationToken));
        items.AddRange(await WhatsAppAsync(db, ticketId, cancellationToken));
        items.AddRange(await StatusLinesAsync(db, ticketId, cancellationToken));
        return [.. items.OrderByDescending(i => i.At).ThenByDescending(i => i.Author == PortalChatAuthor.System ? 0 : 1).ThenByDescending(i => i.Key, StringComparer.Ordinal)
            .Take(MaxItems).Reverse()];
    }

    private static async Task<IEnumerable<PortalChatItem>> CommentsAsync(IIspDb db, int ticketId, CancellationToken cancellationToken)
    {
        var rows = await (from c in db.TicketComments.AsNoTracking()
                          where c.TicketId == ticketId && !c.IsInternal
                          join u in db.Users on c.AuthorId equals u.Id into authors
                          from u in authors.DefaultIfEmpty()
                          orderby c.CreatedAt descending, c.Id descending
                          select new { c.Id, c.AuthorKind, c.Body, c.CreatedAt, c.AttachmentPath, c.AttachmentName, c.AttachmentContentType, c.AttachmentSize, Name = u == null ? null : u.FullName })
            .Take(MaxItems).ToListAsync(cancellationToken);
        return rows.Select(c =>
        {
            var author = c.AuthorKind switch
            {
                CommentAuthor.Customer => PortalChatAuthor.Customer,
                CommentAuthor.System => PortalChatAuthor.System,
                _ => PortalChatAuthor.Staff,
            };
            var attachment = c.AttachmentPath is null ? null
                : new PortalChatAttachment(c.Id, c.AttachmentName ?? TicketAttachmentDownload.DefaultFileName, c.AttachmentContentType ?? "application/octet-stream", c.AttachmentSize);
            return new PortalChatItem($"c{c.Id}", author, author == PortalChatAuthor.Staff ? (string.IsNullOrWhiteSpace(c.Name) ? StaffName : c.Name) : null,
                c.CreatedAt, c.Body, attachment);
        });
    }

    /// <summary>The customer's WhatsApp messages on the ticket; replies from staff are comments, read above.</summary>
    private static async Task<IEnumerable<PortalChatItem>> WhatsAppAsync(IIspDb db, int ticketId, CancellationToken cancellationToken)
    {
        var rows = await db.WhatsAppMessages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.Inbound && !db.TicketComments.Any(c => c.WhatsAppMessageId == m.Id))
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).Take(MaxItems)
            .Select(m => new { m.Id, m.OccurredAt, m.Body, m.Type }).ToListAsync(cancellationToken);
        return rows.Select(m => new PortalChatItem($"w{m.Id}", PortalChatAuthor.Customer, null, m.OccurredAt,
            m.Type != WhatsAppMessageType.Text && (m.Body is null || m.Body.StartsWith('[')) ? "(lampiran lewat WhatsApp)" : m.Body ?? "", null));
    }

    private static async Task<IEnumerable<PortalChatItem>> StatusLinesAsync(IIspDb db, int ticketId, CancellationToken cancellationToken)
    {
        TicketActivityKind[] shown = [TicketActivityKind.Created, TicketActivityKind.StatusChanged, TicketActivityKind.Assigned, TicketActivityKind.Rated];
        var rows = await db.TicketActivities.AsNoTracking()
            .Where(a => a.TicketId == ticketId && shown.Contains(a.Kind))
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(MaxItems)
            .Select(a => new { a.Id, a.Kind, a.ToValue, a.Note, a.OccurredAt }).ToListAsync(cancellationToken);
        return rows.Select(a => new PortalChatItem($"a{a.Id}", PortalChatAuthor.System, null, a.OccurredAt, Line(a.Kind, a.ToValue, a.Note), null));
    }

    private static string Line(TicketActivityKind kind, string? to, string? note) => kind switch
    {
        TicketActivityKind.Created => "Tiket dibuka",
        TicketActivityKind.Assigned => "Tiket ditangani petugas",
        TicketActivityKind.Rated => $"Penilaian Anda: {to}/5",
        // Only the resolution note is the customer's to read (the ticket_resolved message carries it too).
        _ when Enum.TryParse<TicketStatus>(to, out var status) => $"Status: {TicketStatusText.Of(status)}"
            + (status == TicketStatus.Resolved && !string.IsNullOrWhiteSpace(note) ? $" — {note}" : ""),
        _ => "Status diperbarui",
    };
}
