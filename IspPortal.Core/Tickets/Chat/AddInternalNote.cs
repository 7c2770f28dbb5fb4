using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Chat;

/// <summary>A note for staff in the ticket chat (with an optional file): stored, shown to every agent live, never sent to the customer.</summary>
public sealed class AddInternalNote(IIspDbFactory dbs, ICurrentUser currentUser, ITicketAttachmentStore files, ITicketChatBus chat, TimeProvider clock)
{
    public async Task<Outcome<long>> ExecuteAsync(int ticketId, string? text, ChatUpload? attachment = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.TicketsWrite))
            return Outcome.Refused<long>("", Actor.NotPermitted);
        var body = text?.Trim() ?? "";
        var problems = ChatInput.Check(body, attachment);
        if (problems.Any)
            return Outcome.Refused<long>(problems);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ChatInput.Writable(ticket) is { } refusal)
            return Outcome.Refused<long>("", refusal);
        var stored = await ChatInput.StoreAsync(files, attachment, cancellationToken);
        if (stored is { Succeeded: false })
            return Outcome.Refused<long>(ChatInput.AttachmentField, stored.FirstError);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = ChatInput.Comment(ticketId, actor.UserId, body, true, stored?.Value, clock.GetUtcNow());
        db.TicketComments.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishAsync(db, new ChatMessageAdded(ticketId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(note.Id);
    }
}
