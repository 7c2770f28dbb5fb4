using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

/// <summary>
/// Gives a ticket to an agent or technician, by user name: an active user whose role may work
/// tickets. Assigning moves an open or triaged ticket to assigned (the domain's rule).
/// </summary>
public sealed class AssignTicket(IIspDbFactory dbs, ICurrentUser currentUser, Chat.ITicketChatBus chat, TimeProvider clock)
{
    public const string NotFound = "Tiket tidak ditemukan.";

    public async Task<Outcome<Ticket>> ExecuteAsync(int ticketId, string assignee, CancellationToken cancellationToken = default)
    {
        var userName = assignee?.Trim() ?? "";
        if (userName.Length == 0)
            return Outcome.Refused<Ticket>("Assignee", "Pilih petugas yang ditugasi.");
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
            return Outcome.Refused<Ticket>("", NotFound);
        if (ticket.Status is TicketStatus.Closed or TicketStatus.Cancelled)
            return Outcome.Refused<Ticket>("", $"Tiket {ticket.Number} sudah ditutup.");

        var mayWork = Permissions.GrantedTo[Permissions.TicketsWrite];
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedUserName == normalized)
            .Select(u => new
            {
                u.Id,
                u.IsActive,
                CanWork = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && mayWork.Contains(r.Name!))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
            return Outcome.Refused<Ticket>("Assignee", $"Pengguna {userName} tidak ditemukan.");
        if (!user.IsActive || !user.CanWork)
            return Outcome.Refused<Ticket>("Assignee", $"Pengguna {userName} tidak aktif atau tidak menangani tiket.");

        var actor = await currentUser.GetAsync(cancellationToken);
        ticket.AssignTo(user.Id, actor.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishAsync(db, new Chat.ChatTicketChanged(ticket.Id), cancellationToken);
        // The ticket left (or joined) someone's queue of unassigned tickets.
        await chat.PublishAsync(db, new Chat.ChatUnreadChanged(null), cancellationToken);
        return Outcome.Done(ticket);
    }
}
