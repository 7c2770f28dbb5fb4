using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Lifecycle;

/// <param name="AutoVerified">Resolved tickets nobody answered within the settings' days, now verified and closed.</param>
public sealed record FollowUpResult(int ResolvedNotices, int AutoVerified, int Closed, int RatingRequests);

/// <summary>
/// The end of a ticket's life, every minute: a freshly resolved ticket asks the customer to confirm
/// the fix; one nobody answered for <see cref="TicketSettings.AutoVerifyAfterDays"/> counts as
/// verified; a verified ticket closes; a closed ticket that was solved asks for a rating. Every
/// message carries an idempotency key, so a run that repeats (or two instances) sends nothing twice.
/// </summary>
public sealed class FollowUpTickets(IIspDbFactory dbs, IDatabaseLocks locks, PortalSettings settings, ITicketLinks links, IOutboxWriter outbox, Chat.ITicketChatBus chat, TimeProvider clock)
{
    public const string LockName = "job:ticket-follow-up";

    /// <summary>A ticket closed longer ago than this (the portal was down) is not asked for a rating any more.</summary>
    public static readonly TimeSpan RatingRequestWindow = TimeSpan.FromDays(1);

    /// <returns>Null when another instance is following up.</returns>
    public async Task<FollowUpResult?> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(db, LockName, cancellationToken))
            return null;
        var options = await settings.GetAsync<TicketSettings>(cancellationToken);
        var now = clock.GetUtcNow();
        var verifyBefore = now.AddDays(-options.AutoVerifyAfterDays);

        var resolvedQuery = db.Tickets.Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt > verifyBefore);
        var contacts = await resolvedQuery.Select(TicketContact.Projection).ToListAsync(cancellationToken);
        var resolutions = await resolvedQuery
            .Select(t => new
            {
                t.Id,
                ResolvedAt = t.ResolvedAt!.Value,
                Note = t.Activities.Where(a => a.Kind == TicketActivityKind.StatusChanged && a.ToValue == nameof(TicketStatus.Resolved))
                    .OrderByDescending(a => a.OccurredAt).Select(a => a.Note).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var resolvedNotices = await outbox.InsertNewAsync(db, [.. contacts
            .Select(c => TicketNotices.Resolved(c, resolutions[c.TicketId].ResolvedAt, resolutions[c.TicketId].Note, options.AutoVerifyAfterDays, links.ForCustomer(c.Number, c.LinkVersion), now))
            .OfType<OutboxMessage>()], cancellationToken);

        var unanswered = await db.Tickets.Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= verifyBefore).ToListAsync(cancellationToken);
        foreach (var ticket in unanswered)
            ticket.MoveTo(TicketStatus.Verified, null, now, $"Otomatis: pelanggan tidak menjawab dalam {options.AutoVerifyAfterDays} hari.");
        await db.SaveChangesAsync(cancellationToken);
        var verified = await db.Tickets.Where(t => t.Status == TicketStatus.Verified).ToListAsync(cancellationToken);
        foreach (var ticket in verified)
            ticket.MoveTo(TicketStatus.Closed, null, now);
        await db.SaveChangesAsync(cancellationToken);

        var askFrom = now - RatingRequestWindow;
        var closed = await db.Tickets.Where(t => t.Status == TicketStatus.Closed && t.ResolvedAt != null && t.Rating == null && t.ClosedAt > askFrom)
            .Select(TicketContact.Projection).ToListAsync(cancellationToken);
        var ratingRequests = await outbox.InsertNewAsync(db, [.. closed
            .Select(c => TicketNotices.RatingRequest(c, links.ForCustomer(c.Number, c.LinkVersion), now)).OfType<OutboxMessage>()], cancellationToken);

        foreach (var id in unanswered.Concat(verified).Select(t => t.Id).Distinct())
            await chat.PublishAsync(db, new Chat.ChatTicketChanged(id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FollowUpResult(resolvedNotices, unanswered.Count, verified.Count, ratingRequests);
    }
}
