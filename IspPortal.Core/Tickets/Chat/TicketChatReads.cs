using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Chat;

/// <summary>
/// Read markers and unread counts. A ticket is unread for a user when a customer wrote after the
/// user last had its chat open, and it is in the user's queue: not finished (verified, closed,
/// cancelled) and assigned to them or to nobody yet (unassigned tickets are everyone's queue until
/// someone takes them; a ticket assigned to a colleague is theirs to answer). The count reads the
/// tickets through <c>ix_tickets_unread</c> (assignee, last customer message; open tickets that heard
/// from the customer only) and the marker by its key.
/// </summary>
public sealed class TicketChatReads(IIspDbFactory dbs, ICurrentUser currentUser, ITicketChatBus chat, TimeProvider clock)
{
    /// <summary>The current user has read the chat up to now (called while it is open and on each new message).</summary>
    public async Task MarkReadAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        if ((await currentUser.GetAsync(cancellationToken)).UserId is not { } userId)
            return;
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        var updated = await db.TicketReads.Where(r => r.UserId == userId && r.TicketId == ticketId && r.LastReadAt < now)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LastReadAt, now), cancellationToken);
        if (updated == 0 && !await db.TicketReads.AnyAsync(r => r.UserId == userId && r.TicketId == ticketId, cancellationToken))
        {
            db.TicketReads.Add(new TicketRead(userId, ticketId, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second tab of the same user wrote the marker first: it is as recent as this one.
            }
        }
        await chat.PublishAsync(new ChatUnreadChanged(userId), cancellationToken);
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        if ((await currentUser.GetAsync(cancellationToken)).UserId is not { } userId)
            return 0;
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Tickets
            .Where(t => t.LastCustomerMessageAt != null && !Ticket.Done.Contains(t.Status) && (t.AssigneeId == userId || t.AssigneeId == null))
            .Where(t => !db.TicketReads.Any(r => r.UserId == userId && r.TicketId == t.Id && r.LastReadAt >= t.LastCustomerMessageAt))
            .CountAsync(cancellationToken);
    }
}

/// <summary>
/// "Agen X sedang mengetik…": the composer calls this on every keystroke; it reaches the bus at most
/// once per <see cref="TicketChatTiming.TypingSignalEvery"/> per ticket (scoped: one per circuit, so per user),
/// with the agent's full name as the chat shows it on their messages.
/// </summary>
public sealed class SignalTyping(IIspDbFactory dbs, ICurrentUser currentUser, ITicketChatBus chat, TimeProvider clock)
{
    private readonly Dictionary<int, DateTimeOffset> _lastSent = [];
    private string? _name;

    /// <returns>Whether a signal was published.</returns>
    public async Task<bool> ExecuteAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        lock (_lastSent)
        {
            if (_lastSent.TryGetValue(ticketId, out var last) && now - last < TicketChatTiming.TypingSignalEvery)
                return false;
            _lastSent[ticketId] = now;
        }
        var actor = await currentUser.GetAsync(cancellationToken);
        if (actor.UserId is not { } userId)
            return false;
        if (_name is null)
        {
            await using var db = await dbs.CreateAsync(cancellationToken);
            var fullName = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);
            _name = string.IsNullOrWhiteSpace(fullName) ? actor.Name : fullName;
        }
        await chat.PublishAsync(new ChatTyping(ticketId, userId, _name), cancellationToken);
        return true;
    }
}
