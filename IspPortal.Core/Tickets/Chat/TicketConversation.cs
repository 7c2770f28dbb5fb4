using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Chat;

public enum ChatItemKind
{
    /// <summary>Ordered as the items of one instant are shown: what happened, then who wrote.</summary>
    System,
    Customer,
    Agent,
    InternalNote,
}

/// <summary>Where a message sits in the conversation: older pages are read before it.</summary>
public sealed record ChatCursor(DateTimeOffset At, ChatItemKind Kind, long Id);

/// <param name="CommentId">The comment that holds the file (the download names it).</param>
public sealed record ChatAttachment(long CommentId, string Name, string ContentType, long? Size);

/// <param name="Delivery">An agent's reply on WhatsApp: queued, sent, delivered, read or failed.</param>
/// <param name="CustomerMedia">A customer's photo or file whose content the portal did not keep.</param>
public sealed record ChatItem(
    string Key, ChatItemKind Kind, DateTimeOffset At, string? Author, string Body, WhatsAppMessageStatus? Delivery, string? DeliveryError,
    bool SentAsTemplate, ChatAttachment? Attachment, bool CustomerMedia, ChatCursor Cursor);

/// <param name="WindowOpen">The customer wrote within 24 hours: a reply goes as free text (else as the template).</param>
/// <param name="ReplyEmail">Where replies go when the ticket came by e-mail; null for WhatsApp.</param>
public sealed record ChatTicket(int Id, string Number, string Subject, TicketStatus Status, string? CustomerName, string? Phone, bool WindowOpen, string? ReplyEmail = null)
{
    public bool Writable => Status is not (TicketStatus.Closed or TicketStatus.Cancelled);
}

/// <param name="Items">Oldest first.</param>
public sealed record ChatPage(ChatTicket Ticket, IReadOnlyList<ChatItem> Items, bool HasOlder);

/// <summary>
/// A ticket's conversation, newest page first: the customer's WhatsApp messages, agents' replies with
/// their delivery status, internal notes, attachments and what happened to the ticket (system lines).
/// Each source is read through its (ticket, time) index at most one page deep and merged, so an old
/// ticket with thousands of messages costs the same as a new one.
/// </summary>
public sealed class TicketConversation(IIspDbFactory dbs, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <param name="before">Null for the newest page; else the <see cref="ChatItem.Cursor"/> of the oldest item shown.</param>
    /// <param name="take">How many (the chat re-reads everything it shows after a live change).</param>
    /// <returns>Null when there is no such ticket.</returns>
    public async Task<ChatPage?> LoadAsync(int ticketId, ChatCursor? before = null, int take = PageSize, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, 1000);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var header = await HeaderAsync(db, ticketId, cancellationToken);
        if (header is null)
            return null;
        var customerName = header.CustomerName ?? header.Phone ?? "Pelanggan";

        var items = new List<ChatItem>();
        items.AddRange(await InboundAsync(db, ticketId, before, take + 1, customerName, cancellationToken));
        items.AddRange(await CommentsAsync(db, ticketId, before, take + 1, customerName, cancellationToken));
        items.AddRange(await SystemAsync(db, ticketId, before, take + 1, cancellationToken));
        var newest = items.OrderByDescending(i => i.At).ThenByDescending(i => i.Kind).ThenByDescending(i => i.Cursor.Id).Take(take + 1).ToList();
        var page = newest.Take(take).Reverse().ToList();
        return new ChatPage(header, page, newest.Count > take);
    }

    /// <summary>The ticket as the chat's header shows it; null when there is no such ticket.</summary>
    public async Task<ChatTicket?> TicketAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await HeaderAsync(db, ticketId, cancellationToken);
    }

    private async Task<ChatTicket?> HeaderAsync(IIspDb db, int ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Id, t.Number, t.Subject, t.Status, t.Channel, t.Customer, t.ContactName, t.ContactPhone, t.ContactEmail })
            .SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
            return null;
        var phone = ticket.Customer?.Phone ?? ticket.ContactPhone;
        var lastInbound = phone is null ? null : await WhatsAppServiceWindow.LastInboundAsync(db, ticket.Customer, phone, cancellationToken);
        return new ChatTicket(ticket.Id, ticket.Number, ticket.Subject, ticket.Status, ticket.Customer?.FullName ?? ticket.ContactName, phone,
            WhatsAppServiceWindow.IsOpen(lastInbound, clock.GetUtcNow()), SendTicketReply.ReplyEmail(ticket.Channel, ticket.Customer?.Email, ticket.ContactEmail));
    }

    /// <summary>Before the cursor in the conversation's order (time, then kind, then id), for a source of one kind.</summary>
    private static bool Before(ChatCursor? cursor, ChatItemKind kind, DateTimeOffset at, long id) =>
        cursor is null || at < cursor.At || at == cursor.At && (kind < cursor.Kind || kind == cursor.Kind && id < cursor.Id);

    private static async Task<IEnumerable<ChatItem>> InboundAsync(IIspDb db, int ticketId, ChatCursor? before, int take, string customerName, CancellationToken cancellationToken)
    {
        var query = db.WhatsAppMessages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.Inbound && !db.TicketComments.Any(c => c.WhatsAppMessageId == m.Id));
        if (before is not null)
        {
            var (at, kind, id) = (before.At, before.Kind, before.Id);
            query = kind > ChatItemKind.Customer ? query.Where(m => m.OccurredAt <= at)
                : kind == ChatItemKind.Customer ? query.Where(m => m.OccurredAt < at || m.OccurredAt == at && m.Id < id)
                : query.Where(m => m.OccurredAt < at);
        }
        var rows = await query.OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.OccurredAt, m.Body, m.Type, m.MediaPath, m.ContactName }).ToListAsync(cancellationToken);
        return rows.Select(m =>
        {
            var media = m.Type != WhatsAppMessageType.Text && m.MediaPath is null;
            var body = media && (m.Body is null || m.Body.StartsWith('[')) ? "(lampiran dari pelanggan)" : m.Body ?? "";
            return new ChatItem($"w{m.Id}", ChatItemKind.Customer, m.OccurredAt, m.ContactName ?? customerName, body, null, null, false, null, media,
                new ChatCursor(m.OccurredAt, ChatItemKind.Customer, m.Id));
        });
    }

    private static async Task<IEnumerable<ChatItem>> CommentsAsync(IIspDb db, int ticketId, ChatCursor? before, int take, string customerName, CancellationToken cancellationToken)
    {
        var query = db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticketId);
        if (before is not null)
            query = query.Where(c => c.CreatedAt <= before.At);
        var rows = await (from c in query
                          join u in db.Users on c.AuthorId equals u.Id into authors
                          from u in authors.DefaultIfEmpty()
                          join w in db.WhatsAppMessages on c.WhatsAppMessageId equals w.Id into messages
                          from w in messages.DefaultIfEmpty()
                          join o in db.OutboxMessages on w.OutboxMessageId equals o.Id into outbox
                          from o in outbox.DefaultIfEmpty()
                          join e in db.OutboxMessages on c.OutboxMessageId equals e.Id into emailed
                          from e in emailed.DefaultIfEmpty()
                          orderby c.CreatedAt descending, c.Id descending
                          select new
                          {
                              c.Id, c.AuthorKind, c.IsInternal, c.Body, c.CreatedAt, c.AttachmentPath, c.AttachmentName, c.AttachmentContentType, c.AttachmentSize,
                              Author = u == null ? null : u.FullName,
                              Delivery = w == null ? (WhatsAppMessageStatus?)null : w.Status,
                              w.Error,
                              Template = w != null && w.Type == WhatsAppMessageType.Template,
                              OutboxStatus = o == null ? (OutboxStatus?)null : o.Status,
                              o.LastError,
                              EmailStatus = e == null ? (OutboxStatus?)null : e.Status,
                              EmailError = e == null ? null : e.LastError,
                          })
            .Take(take + 50).ToListAsync(cancellationToken);
        return rows
            .Select(c =>
            {
                var kind = c.IsInternal ? ChatItemKind.InternalNote : c.AuthorKind switch
                {
                    CommentAuthor.Customer => ChatItemKind.Customer,
                    CommentAuthor.System => ChatItemKind.System,
                    _ => ChatItemKind.Agent,
                };
                // The outbox gave up before the provider took it (opt-out, a refused number): the reply failed.
                var stopped = c.OutboxStatus is OutboxStatus.Failed or OutboxStatus.Cancelled && c.Delivery is WhatsAppMessageStatus.Queued;
                var attachment = c.AttachmentPath is null ? null : new ChatAttachment(c.Id, c.AttachmentName ?? "lampiran", c.AttachmentContentType ?? "application/octet-stream", c.AttachmentSize);
                var (delivery, error) = c.EmailStatus is { } email ? (EmailDelivery(email), c.EmailError)
                    : stopped ? (WhatsAppMessageStatus.Failed, c.LastError) : (c.Delivery, c.Error);
                return new ChatItem($"c{c.Id}", kind, c.CreatedAt, kind == ChatItemKind.Customer ? customerName : c.Author, c.Body,
                    delivery, error, c.Template, attachment, false,
                    new ChatCursor(c.CreatedAt, kind, c.Id));
            })
            .Where(c => Before(before, c.Kind, c.At, c.Cursor.Id))
            .Take(take);
    }

    /// <summary>An e-mailed reply shows the outbox's word: queued, sent (the SMTP server took it) or failed.</summary>
    private static WhatsAppMessageStatus EmailDelivery(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent or OutboxStatus.Delivered => WhatsAppMessageStatus.Sent,
        OutboxStatus.Read => WhatsAppMessageStatus.Read,
        OutboxStatus.Failed or OutboxStatus.Cancelled => WhatsAppMessageStatus.Failed,
        _ => WhatsAppMessageStatus.Queued,
    };

    private static async Task<IEnumerable<ChatItem>> SystemAsync(IIspDb db, int ticketId, ChatCursor? before, int take, CancellationToken cancellationToken)
    {
        var query = db.TicketActivities.AsNoTracking().Where(a => a.TicketId == ticketId && a.Kind != TicketActivityKind.Commented);
        if (before is not null)
        {
            var (at, id) = (before.At, before.Id);
            query = before.Kind == ChatItemKind.System ? query.Where(a => a.OccurredAt < at || a.OccurredAt == at && a.Id < id) : query.Where(a => a.OccurredAt <= at);
        }
        var rows = await (from a in query
                          join u in db.Users on a.ActorId equals u.Id into actors
                          from u in actors.DefaultIfEmpty()
                          orderby a.OccurredAt descending, a.Id descending
                          select new { a.Id, a.Kind, a.FromValue, a.ToValue, a.Note, a.OccurredAt, Actor = u == null ? null : u.FullName })
            .Take(take).ToListAsync(cancellationToken);
        var assignees = rows.Where(r => r.Kind == TicketActivityKind.Assigned && Guid.TryParse(r.ToValue, out _)).Select(r => Guid.Parse(r.ToValue!)).Distinct().ToList();
        var names = assignees.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return rows.Select(a => new ChatItem($"a{a.Id}", ChatItemKind.System, a.OccurredAt, a.Actor, SystemLine(a.Kind, a.FromValue, a.ToValue, a.Note, names),
            null, null, false, null, false, new ChatCursor(a.OccurredAt, ChatItemKind.System, a.Id)));
    }

    private static string SystemLine(TicketActivityKind kind, string? from, string? to, string? note, Dictionary<Guid, string> names) => kind switch
    {
        TicketActivityKind.Created => "Tiket dibuka",
        TicketActivityKind.StatusChanged => $"Status: {Status(from)} → {Status(to)}" + (note is { Length: > 0 } ? $" ({note})" : ""),
        TicketActivityKind.Assigned => "Ditugaskan ke " + (Guid.TryParse(to, out var id) && names.TryGetValue(id, out var name) ? name : to),
        TicketActivityKind.Categorised => $"Kategori/prioritas: {to}",
        TicketActivityKind.PriorityChanged => $"Prioritas: {from} → {to}",
        TicketActivityKind.Escalated => $"Eskalasi ke level {to}",
        TicketActivityKind.Rated => $"Penilaian pelanggan: {to}/5" + (note is { Length: > 0 } ? $" — {note}" : ""),
        TicketActivityKind.CustomerLinksRevoked => "Link tiket pelanggan dicabut",
        _ => kind.ToString(),
    };

    private static string Status(string? value) => Enum.TryParse<TicketStatus>(value, out var status) ? TicketStatusText.Of(status) : value ?? "";
}
