using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Intake;

/// <summary>
/// Puts an e-mail to the support address on a ticket. A reply joins its ticket when its subject names
/// the ticket (our messages carry <c>[TKT-…]</c>) or it answers an e-mail already on one, and the
/// sender is that ticket's customer or contact, so nobody writes into someone else's ticket by
/// copying a subject; a reply to a ticket waiting for the customer puts it back in progress. Any
/// other e-mail opens a ticket on the e-mail channel (the customer found by address) and is answered
/// with its number by e-mail. The Message-ID is unique on the comments, so a relay that posts twice
/// stores it once; mail from one address takes turns (advisory lock).
/// </summary>
public sealed class EmailTicketIntake(
    IIspDbFactory dbs, IDatabaseLocks locks, OpenTicket open, PortalSettings settings, ITicketLinks links, ITicketAttachmentStore files, ITicketChatBus chat,
    TimeProvider clock)
{
    public async Task<Outcome<EmailIntakeOutcome>> ExecuteAsync(InboundEmail email, CancellationToken cancellationToken = default)
    {
        email = email.Cleaned();
        var from = email.FromAddress.Trim().ToLowerInvariant();
        var errors = new FieldErrors()
            .When(from.Length is 0 or > Ticket.ContactMaxLength || !from.Contains('@', StringComparison.Ordinal), "from", "Alamat pengirim (From) tidak ada atau tidak valid.")
            .When(email.MessageId.Length is 0 or > TicketComment.EmailMessageIdMaxLength, "messageId", "Message-ID tidak ada atau terlalu panjang.");
        if (errors.Any)
            return Outcome.Refused<EmailIntakeOutcome>(errors);
        var ours = (await settings.GetAsync<NotificationSettings>(cancellationToken)).EmailFromAddress;
        if (email.IsAutomatic || string.Equals(from, ours?.Trim(), StringComparison.OrdinalIgnoreCase)
            || from.StartsWith("mailer-daemon@", StringComparison.Ordinal) || from.StartsWith("postmaster@", StringComparison.Ordinal))
            return Outcome.Done(new EmailIntakeOutcome(EmailIntakeResult.Ignored, null, null, "Surel otomatis (balasan otomatis, bounce atau dari alamat portal sendiri) tidak dijadikan tiket."));

        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, $"email-intake:{from}", cancellationToken);
        if (await db.TicketComments.Where(c => c.EmailMessageId == email.MessageId).Select(c => new { c.TicketId, c.Ticket!.Number }).FirstOrDefaultAsync(cancellationToken) is { } earlier)
            return Outcome.Done(new EmailIntakeOutcome(EmailIntakeResult.Duplicate, earlier.TicketId, earlier.Number));

        var customers = await CustomersWithAddressAsync(db, from, cancellationToken);
        int? customerId = customers.Count == 1 ? customers[0] : null;
        var now = clock.GetUtcNow();
        var text = email.Text.Trim();
        var ticket = await ThreadAsync(db, email, from, customerId, cancellationToken);
        var result = EmailIntakeResult.Joined;
        if (ticket is null)
        {
            var subject = string.IsNullOrWhiteSpace(email.Subject) ? "Surel tanpa subjek" : Shorten(email.Subject.Trim(), Ticket.SubjectMaxLength);
            ticket = await open.CreateAsync(db, new TicketInput(null, subject, Shorten(text, Ticket.DescriptionMaxLength), TicketChannel.Email,
                ContactName: customerId is null ? Blank(email.FromName, Ticket.ContactNameMaxLength) : null), customerId, cancellationToken);
            ticket.ContactEmail = from;
            await db.SaveChangesAsync(cancellationToken);
            result = EmailIntakeResult.Opened;
        }
        else
        {
            text = EmailText.WithoutQuotedReply(text);
            if (ticket.Status == TicketStatus.WaitingForCustomer)
                ticket.MoveTo(TicketStatus.InProgress, null, now, "Pelanggan membalas lewat surel.");
        }
        ticket.RecordCustomerMessage(now);
        var (stored, refused) = await StoreAttachmentsAsync(email.Attachments, cancellationToken);
        if (refused.Count > 0)
            text = $"{text}\n\n(Lampiran tidak disimpan, hanya gambar atau PDF sampai {ITicketAttachmentStore.MaxBytes / (1024 * 1024)} MB: {string.Join(", ", refused)})".Trim();
        var comment = new TicketComment(ticket.Id, CommentAuthor.Customer, null, text.Length == 0 ? "(surel tanpa isi)" : text, false, now) { EmailMessageId = email.MessageId };
        // One file per comment: the first rides with the text, the rest follow as their own messages.
        db.TicketComments.Add(ChatInput.Attach(comment, stored.FirstOrDefault()));
        foreach (var file in stored.Skip(1))
            db.TicketComments.Add(ChatInput.Attach(new TicketComment(ticket.Id, CommentAuthor.Customer, null, "", false, now), file));
        if (result == EmailIntakeResult.Opened
            && TicketNotices.Opened(await db.Tickets.Where(t => t.Id == ticket.Id).Select(TicketContact.Projection).SingleAsync(cancellationToken), links.ForCustomer(ticket.Number, ticket.CustomerLinkVersion), now) is { } acknowledgement)
            db.OutboxMessages.Add(acknowledgement);
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishCustomerMessageAsync(db, ticket.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new EmailIntakeOutcome(result, ticket.Id, ticket.Number));
    }

    private async Task<(List<StoredAttachment> Stored, List<string> Refused)> StoreAttachmentsAsync(IReadOnlyList<InboundEmailAttachment> attachments, CancellationToken cancellationToken)
    {
        var (stored, refused) = (new List<StoredAttachment>(), new List<string>());
        foreach (var attachment in attachments)
        {
            // The store checks kind and size, as for an agent's upload.
            var outcome = await ChatInput.StoreAsync(files, new ChatUpload(attachment.FileName, attachment.Content), cancellationToken);
            if (outcome?.Value is { } file)
                stored.Add(file);
            else
                refused.Add(attachment.FileName);
        }
        return (stored, refused);
    }

    private static async Task<Ticket?> ThreadAsync(IIspDb db, InboundEmail email, string from, int? customerId, CancellationToken cancellationToken)
    {
        var mine = db.Tickets.Where(t => !Ticket.Done.Contains(t.Status))
            .Where(t => (customerId != null && t.CustomerId == customerId) || t.ContactEmail == from);
        if (EmailText.TicketNumberIn(email.Subject) is { } number && await mine.FirstOrDefaultAsync(t => t.Number == number, cancellationToken) is { } named)
            return named;
        var threadIds = email.ThreadIds.Where(id => id.Length <= TicketComment.EmailMessageIdMaxLength).ToList();
        return threadIds.Count == 0 ? null
            : await mine.Where(t => db.TicketComments.Any(c => c.TicketId == t.Id && c.EmailMessageId != null && threadIds.Contains(c.EmailMessageId)))
                .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Addresses are compared case-insensitively; two customers sharing one address are not guessed between.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862", Justification = "EF Core translates ToLower() to lower(); string.Equals with a StringComparison does not translate.")]
    private static Task<List<int>> CustomersWithAddressAsync(IIspDb db, string lowerCaseAddress, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.Email != null && c.Email.ToLower() == lowerCaseAddress).Select(c => c.Id).OrderBy(id => id).Take(2).ToListAsync(cancellationToken);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string? Blank(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : Shorten(value.Trim(), max);
}
