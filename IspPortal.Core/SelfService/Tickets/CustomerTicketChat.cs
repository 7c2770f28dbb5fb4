using IspPortal.Core.Common;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Tickets;

/// <summary>
/// A signed-in customer's side of one of their tickets: the conversation as they see it, their
/// messages (which reach the agents' chat live and count as unread there), and their answers to a
/// resolved ticket through the same rules as the ticket link (<see cref="CustomerTicketAnswers"/>).
/// Another customer's ticket answers exactly as a missing one. A refusal of the whole request (field
/// "") is about the ticket's state: closed, not waiting for a confirmation, already rated.
/// </summary>
public sealed class CustomerTicketChat(IIspDbFactory dbs, ITicketAttachmentStore files, TicketAttachmentDownload downloads, CustomerTicketAnswers answers, ITicketChatBus chat, TimeProvider clock)
{
    /// <summary>Where the customer answered, in the ticket's history.</summary>
    public const string Via = "portal pelanggan";

    /// <returns>Null when the caller has no ticket with that number.</returns>
    public async Task<PortalConversation?> LoadAsync(SelfServiceCaller caller, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ticket = await CustomerTickets.Owned(db, caller, number).AsNoTracking().Select(t => new { t.Id, t.Number, t.Description }).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
            return null;
        var summary = (await CustomerTickets.FindAsync(db, caller, ticket.Number, cancellationToken))!;
        return new PortalConversation(summary, ticket.Description, await CustomerConversation.ReadAsync(db, ticket.Id, cancellationToken));
    }

    /// <returns>The new message's comment id.</returns>
    public async Task<Outcome<long>> SendAsync(SelfServiceCaller caller, string number, string? text, PortalPhoto? photo = null, CancellationToken cancellationToken = default)
    {
        var body = text?.Trim() ?? "";
        var errors = new FieldErrors()
            .When(body.Length == 0 && photo is null, "Text", "Tulis pesan atau lampirkan foto.")
            .When(body.Length > Ticket.DescriptionMaxLength, "Text", $"Pesan paling banyak {Ticket.DescriptionMaxLength} karakter.")
            .When(!SafeText.IsAcceptable(body, multiLine: true), "Text", SafeText.RefusedMessage);
        if (errors.Any)
            return Outcome.Refused<long>(errors);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ticket = await CustomerTickets.Owned(db, caller, number).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
            return Outcome.Refused<long>("", CustomerTickets.NotFound);
        if (ChatInput.Writable(ticket) is { } refusal)
            return Outcome.Refused<long>("", refusal);
        StoredAttachment? stored = null;
        if (photo is not null)
        {
            var saved = await files.SaveImageAsync(photo.Content, photo.FileName, cancellationToken);
            if (!saved.Succeeded)
                return Outcome.Refused<long>("Photo", saved.FirstError);
            stored = saved.Value;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = ChatInput.Attach(new TicketComment(ticket.Id, CommentAuthor.Customer, null, body, false, now), stored);
        db.TicketComments.Add(comment);
        if (ticket.Status == TicketStatus.WaitingForCustomer)
            ticket.MoveTo(TicketStatus.InProgress, null, now, "Pelanggan membalas lewat portal.");
        ticket.RecordCustomerMessage(now);
        db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.TicketMessage, ticket.Number, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishCustomerMessageAsync(db, ticket.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(comment.Id);
    }

    /// <summary>"Sudah normal" closes the resolved ticket (and asks for a rating); "belum" puts it back to work with <paramref name="comment"/> as the note.</summary>
    /// <returns>The ticket's status after the answer.</returns>
    public async Task<Outcome<TicketStatus>> ConfirmAsync(SelfServiceCaller caller, string number, bool resolved, string? comment = null, CancellationToken cancellationToken = default)
    {
        if (!SafeText.IsAcceptable(comment, multiLine: true))
            return Outcome.Refused<TicketStatus>("Comment", SafeText.RefusedMessage);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await CustomerTickets.Owned(db, caller, number).SingleOrDefaultAsync(cancellationToken);
        var answered = await answers.AnswerAsync(db, ticket, CustomerTickets.NotFound, Via, resolved, comment, cancellationToken);
        if (!answered.Succeeded)
            return answered;
        db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.TicketConfirmed,
            $"{ticket!.Number}: {(resolved ? "sudah normal" : "masih bermasalah")}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answered;
    }

    /// <returns>The stars given.</returns>
    public async Task<Outcome<int>> RateAsync(SelfServiceCaller caller, string number, int stars, string? comment = null, CancellationToken cancellationToken = default)
    {
        if (!SafeText.IsAcceptable(comment, multiLine: true))
            return Outcome.Refused<int>("Comment", SafeText.RefusedMessage);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await CustomerTickets.Owned(db, caller, number).SingleOrDefaultAsync(cancellationToken);
        var rated = await answers.RateAsync(db, ticket, CustomerTickets.NotFound, stars, comment, cancellationToken);
        if (!rated.Succeeded)
            return rated;
        db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.TicketRated, $"{ticket!.Number}: {stars}/5", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rated;
    }

    /// <summary>A file on a message the customer can see (theirs or a staff reply, never an internal note) of their own ticket.</summary>
    /// <returns>Null when there is no such file for the caller.</returns>
    public async Task<TicketAttachmentFile?> AttachmentAsync(SelfServiceCaller caller, string number, long commentId, CancellationToken cancellationToken = default)
    {
        bool visible;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            var owned = CustomerTickets.Owned(db, caller, number).Select(t => t.Id);
            visible = await db.TicketComments.AnyAsync(c => c.Id == commentId && !c.IsInternal && c.AttachmentPath != null && owned.Contains(c.TicketId), cancellationToken);
        }
        return visible ? await downloads.OpenAsync(commentId, cancellationToken) : null;
    }
}
