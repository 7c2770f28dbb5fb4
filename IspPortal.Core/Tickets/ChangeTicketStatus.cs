using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

/// <param name="Version">The version the agent saw (<see cref="TicketView.Version"/>).</param>
/// <param name="Note">The resolution note or the reason for cancelling (required for those), else optional.</param>
public sealed record TicketStatusChange(int TicketId, uint Version, TicketAction Action, string? Note = null);

/// <param name="Version">The version the agent saw (<see cref="TicketView.Version"/>).</param>
public sealed record TicketTriageInput(int TicketId, uint Version, int CategoryId, TicketPriority Priority);

public sealed record TicketChanged(int Id, string Number, TicketStatus Status, uint Version);

/// <summary>
/// An agent moves a ticket along its lifecycle (start, wait for the customer, resolve with a note,
/// reopen, close, cancel with a reason) or triages it (category and priority, whose SLA deadlines
/// <see cref="OpenTicket.CategoriseAsync"/> recomputes). The domain decides which moves are allowed and
/// records each one; a ticket someone else changed since the agent loaded it is left alone. The
/// agent can also revoke the customer's links to the ticket page (a link that reached the wrong
/// person): the links sent so far stop opening and the next message carries a new one.
/// </summary>
public sealed class ChangeTicketStatus(IIspDbFactory dbs, OpenTicket open, ICurrentUser currentUser, Chat.ITicketChatBus chat, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Tiket telah diubah orang lain, muat ulang.";
    public const string NoteField = "Note";

    public async Task<Outcome<TicketChanged>> ExecuteAsync(TicketStatusChange change, CancellationToken cancellationToken = default)
    {
        var note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim();
        var errors = new FieldErrors()
            .When(change.Action == TicketAction.Resolve && note is null, NoteField, "Catatan penyelesaian wajib diisi.")
            .When(change.Action == TicketAction.Cancel && note is null, NoteField, "Alasan pembatalan wajib diisi.")
            .When(note?.Length > TicketActivity.NoteMaxLength, NoteField, $"Catatan paling banyak {TicketActivity.NoteMaxLength} karakter.");
        if (errors.Any)
            return Outcome.Refused<TicketChanged>(errors);

        return await ChangeAsync(change.TicketId, change.Version, (_, ticket, actor, now) =>
        {
            var to = TicketActions.Target(change.Action);
            if (!TicketActions.For(ticket.Status).Contains(change.Action))
                return Task.FromResult<string?>($"Tiket {ticket.Number} berstatus {TicketLabels.Status(ticket.Status)} dan tidak bisa diubah ke {TicketLabels.Status(to)}.");
            ticket.MoveTo(to, actor, now, note);
            return Task.FromResult<string?>(null);
        }, cancellationToken);
    }

    public async Task<Outcome<TicketChanged>> TriageAsync(TicketTriageInput input, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(input.Priority))
            return Outcome.Refused<TicketChanged>(nameof(TicketTriageInput.Priority), "Pilih prioritas.");
        return await ChangeAsync(input.TicketId, input.Version, async (db, ticket, actor, now) =>
        {
            if (ticket.Status is TicketStatus.Resolved or TicketStatus.Verified or TicketStatus.Closed or TicketStatus.Cancelled)
                return $"Tiket {ticket.Number} sudah {TicketLabels.Status(ticket.Status).ToLowerInvariant()}; kategorinya tidak diubah lagi.";
            var category = await db.TicketCategories.SingleOrDefaultAsync(c => c.Id == input.CategoryId && c.IsActive, cancellationToken);
            if (category is null)
                return "Kategori tidak ditemukan atau sudah nonaktif.";
            await open.CategoriseAsync(ticket, category, input.Priority, actor, now, cancellationToken);
            if (ticket.Status == TicketStatus.Open)
                ticket.MoveTo(TicketStatus.Triaged, actor, now);
            return null;
        }, cancellationToken);
    }

    public Task<Outcome<TicketChanged>> RevokeCustomerLinksAsync(int ticketId, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticketId, version, (_, ticket, actor, now) =>
        {
            ticket.RevokeCustomerLinks(actor, now);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    /// <param name="apply">Changes the tracked ticket, or returns why it may not.</param>
    private async Task<Outcome<TicketChanged>> ChangeAsync(int ticketId, uint version, Func<IIspDb, Ticket, Guid?, DateTimeOffset, Task<string?>> apply, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.TicketsWrite))
            return Outcome.Refused<TicketChanged>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
            return Outcome.Refused<TicketChanged>("", AssignTicket.NotFound);
        // Changed since the agent loaded it; and the update below is conditional on the version read
        // here (xmin), so a change saved in between is not overwritten either.
        if (ticket.Version != version)
            return Outcome.Refused<TicketChanged>("", ChangedMeanwhile);

        if (await apply(db, ticket, actor.UserId, clock.GetUtcNow()) is { } refusal)
            return Outcome.Refused<TicketChanged>("", refusal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refused<TicketChanged>("", ChangedMeanwhile);
        }
        await chat.PublishAsync(db, new Chat.ChatTicketChanged(ticket.Id), cancellationToken);
        return Outcome.Done(new TicketChanged(ticket.Id, ticket.Number, ticket.Status, ticket.Version));
    }
}
