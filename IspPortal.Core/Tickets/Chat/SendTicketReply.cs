using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Chat;

/// <param name="IdempotencyKey">Made by the composer when it opens and after each send: a double click or a retry sends once.</param>
public sealed record TicketReplyInput(int TicketId, string? Text, string IdempotencyKey, ChatUpload? Attachment = null);

/// <param name="AsTemplate">Outside the 24-hour window: queued as the approved <c>ticket_update</c> template.</param>
/// <param name="AttachmentAsName">The WhatsApp provider sends text only: the customer gets the file's name, not the file.</param>
/// <param name="AlreadySent">The same key came again: nothing new was written.</param>
/// <param name="WhatsAppMessageId">Null for a reply that went by e-mail.</param>
public sealed record TicketReplySent(long CommentId, long OutboxMessageId, long? WhatsAppMessageId, bool AsTemplate, bool AttachmentAsName, bool AlreadySent);

/// <summary>
/// An agent's reply in the ticket chat, sent to the customer on WhatsApp: the comment, the outbox
/// message and the outbound <c>whatsapp_messages</c> row (for the ticks) in one transaction, with the
/// first-response clock stopped. Inside the 24-hour window the text goes as free text; outside it as
/// the <c>ticket_update</c> template (<see cref="WhatsAppServiceWindow"/>, the dispatcher's own rule).
/// A ticket that came by e-mail is answered by e-mail instead (<see cref="ReplyEmail"/>), with the file
/// attached and the ticket number in the subject.
/// </summary>
public sealed class SendTicketReply(
    IIspDbFactory dbs, ICurrentUser currentUser, ITicketAttachmentStore files, IEnumerable<IWhatsAppSender> senders, PortalSettings settings,
    IDatabaseErrors errors, ITicketChatBus chat, TimeProvider clock)
{
    public const string KeyPrefix = "ticket-reply:";

    public async Task<Outcome<TicketReplySent>> ExecuteAsync(TicketReplyInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.TicketsWrite))
            return Outcome.Refused<TicketReplySent>("", Actor.NotPermitted);
        var text = input.Text?.Trim() ?? "";
        var problems = ChatInput.Check(text, input.Attachment);
        var key = $"{KeyPrefix}{input.TicketId}:{input.IdempotencyKey?.Trim()}";
        problems.When(string.IsNullOrWhiteSpace(input.IdempotencyKey) || key.Length > OutboxMessage.IdempotencyKeyMaxLength, "", "Muat ulang halaman lalu kirim lagi.");
        if (problems.Any)
            return Outcome.Refused<TicketReplySent>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await AlreadySentAsync(db, key, cancellationToken) is { } earlier)
            return Outcome.Done(earlier);
        var ticket = await db.Tickets.Include(t => t.Customer).SingleOrDefaultAsync(t => t.Id == input.TicketId, cancellationToken);
        if (ChatInput.Writable(ticket) is { } refusal)
            return Outcome.Refused<TicketReplySent>("", refusal);
        var phone = ticket!.Customer?.Phone ?? ticket.ContactPhone;
        var email = ReplyEmail(ticket.Channel, ticket.Customer?.Email, ticket.ContactEmail);
        if (email is null && string.IsNullOrWhiteSpace(phone))
            return Outcome.Refused<TicketReplySent>("", "Tiket ini tidak punya nomor WhatsApp pelanggan: balasan tidak dapat dikirim. Tulis catatan internal atau hubungi pelanggan lewat telepon.");
        var stored = await ChatInput.StoreAsync(files, input.Attachment, cancellationToken);
        if (stored is { Succeeded: false })
            return Outcome.Refused<TicketReplySent>(new FieldErrors().Add(ChatInput.AttachmentField, stored.FirstError));
        var attachment = stored?.Value;

        var now = clock.GetUtcNow();
        var windowOpen = email is not null || WhatsAppServiceWindow.IsOpen(await WhatsAppServiceWindow.LastInboundAsync(db, ticket.Customer, phone!, cancellationToken), now);
        var provider = (await settings.GetAsync<NotificationSettings>(cancellationToken)).WhatsAppProvider.ToString();
        var sendsFile = attachment is not null && (email is not null || senders.Any(s => s.Provider == provider && s.SendsFiles));
        var message = attachment is not null && !sendsFile ? $"{text}\n[Lampiran: {attachment.FileName}]".Trim() : text;
        // By e-mail the reply keeps the ticket's number in its subject, so the customer's answer threads back.
        var notification = windowOpen && email is null ? NotificationEvents.FreeText : NotificationEvents.TicketUpdate;
        var parameters = new Dictionary<string, string>
        {
            ["pesan"] = message.Length > 0 ? message : attachment!.FileName,
            ["nama"] = ticket.Customer?.FullName ?? ticket.ContactName ?? "Pelanggan",
            ["nomor_tiket"] = ticket.Number,
            ["status"] = TicketStatusText.Of(ticket.Status),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outbox = new OutboxMessage(key, email is null ? NotificationChannel.WhatsApp : NotificationChannel.Email, email ?? phone!, notification.Key,
            JsonSerializer.Serialize(parameters), now, ticket.CustomerId);
        if (attachment is not null && sendsFile && files.Open(attachment.StoredName) is { } file)
        {
            await using (file.Content)
            {
                using var copy = new MemoryStream();
                await file.Content.CopyToAsync(copy, cancellationToken);
                outbox.Attach(attachment.FileName, attachment.ContentType, copy.ToArray());
            }
        }
        db.OutboxMessages.Add(outbox);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) is not null)
        {
            // The same key raced in from a second click on another connection: that one was written.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = await dbs.CreateAsync(cancellationToken);
            var first = await AlreadySentAsync(again, key, cancellationToken);
            if (first is null)
                throw;
            return Outcome.Done(first);
        }
        var comment = ChatInput.Comment(ticket.Id, actor.UserId, text, false, attachment, now);
        WhatsAppMessage? whatsApp = null;
        if (email is null)
        {
            whatsApp = new WhatsAppMessage(MessageDirection.Outbound, phone!, windowOpen ? WhatsAppMessageType.Text : WhatsAppMessageType.Template,
                message.Length > 0 ? message : attachment!.FileName, now, null)
            {
                CustomerId = ticket.CustomerId,
                TicketId = ticket.Id,
                OutboxMessageId = outbox.Id,
                SentById = actor.UserId,
            };
            db.WhatsAppMessages.Add(whatsApp);
            await db.SaveChangesAsync(cancellationToken);
            comment.WhatsAppMessageId = whatsApp.Id;
        }
        else
        {
            comment.OutboxMessageId = outbox.Id;
        }
        db.TicketComments.Add(comment);
        ticket.RecordAgentReply(now);
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishAsync(db, new ChatMessageAdded(ticket.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new TicketReplySent(comment.Id, outbox.Id, whatsApp?.Id, !windowOpen, attachment is not null && !sendsFile, false));
    }

    /// <summary>A ticket that came by e-mail is answered by e-mail, to the customer's address or the sender's.</summary>
    public static string? ReplyEmail(TicketChannel channel, string? customerEmail, string? contactEmail) =>
        channel != TicketChannel.Email ? null
        : !string.IsNullOrWhiteSpace(customerEmail) ? customerEmail.Trim()
        : string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim();

    private static async Task<TicketReplySent?> AlreadySentAsync(IIspDb db, string key, CancellationToken cancellationToken) =>
        await (from o in db.OutboxMessages
               where o.IdempotencyKey == key
               join w in db.WhatsAppMessages on o.Id equals w.OutboxMessageId
               join c in db.TicketComments on w.Id equals c.WhatsAppMessageId
               select new TicketReplySent(c.Id, o.Id, w.Id, w.Type == WhatsAppMessageType.Template, false, true))
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken)
        ?? await (from o in db.OutboxMessages
                  where o.IdempotencyKey == key
                  join c in db.TicketComments on o.Id equals c.OutboxMessageId
                  select new TicketReplySent(c.Id, o.Id, null, false, false, true))
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
}

/// <summary>What a reply and a note share: the checks, the attachment, the comment.</summary>
[FeatureApi]
internal static class ChatInput
{
    public const string AttachmentField = "Attachment";

    public static FieldErrors Check(string text, ChatUpload? attachment) => new FieldErrors()
        .When(text.Length == 0 && attachment is null, "Text", "Tulis pesan atau lampirkan berkas.")
        .When(text.Length > WhatsAppMessage.BodyMaxLength, "Text", $"Pesan terlalu panjang: maksimal {WhatsAppMessage.BodyMaxLength} karakter.");

    /// <returns>Why nothing may be added to the ticket, or null.</returns>
    public static string? Writable(Ticket? ticket) => ticket switch
    {
        null => AssignTicket.NotFound,
        { Status: TicketStatus.Closed or TicketStatus.Cancelled } => $"Tiket {ticket.Number} sudah ditutup: pesan tidak dapat ditambahkan.",
        _ => null,
    };

    public static async Task<Outcome<StoredAttachment>?> StoreAsync(ITicketAttachmentStore files, ChatUpload? upload, CancellationToken cancellationToken)
    {
        if (upload is null)
            return null;
        using var content = new MemoryStream(upload.Content, writable: false);
        return await files.SaveAsync(content, upload.FileName, cancellationToken);
    }

    public static TicketComment Comment(int ticketId, Guid? authorId, string text, bool isInternal, StoredAttachment? attachment, DateTimeOffset now) =>
        Attach(new TicketComment(ticketId, CommentAuthor.Agent, authorId, text, isInternal, now), attachment);

    public static TicketComment Attach(TicketComment comment, StoredAttachment? attachment)
    {
        (comment.AttachmentPath, comment.AttachmentName, comment.AttachmentContentType, comment.AttachmentSize) =
            (attachment?.StoredName, attachment?.FileName, attachment?.ContentType, attachment?.Size);
        return comment;
    }
}

/// <summary>A ticket's status as the customer reads it (the <c>status</c> of <c>ticket_update</c>) and as the chat shows it.</summary>
[FeatureApi]
public static class TicketStatusText
{
    public static string Of(TicketStatus status) => status switch
    {
        TicketStatus.Open => "dibuka",
        TicketStatus.Triaged => "ditinjau",
        TicketStatus.Assigned => "ditugaskan",
        TicketStatus.InProgress => "sedang dikerjakan",
        TicketStatus.WaitingForCustomer => "menunggu pelanggan",
        TicketStatus.Resolved => "selesai",
        TicketStatus.Verified => "dikonfirmasi",
        TicketStatus.Closed => "ditutup",
        _ => "dibatalkan",
    };
}
