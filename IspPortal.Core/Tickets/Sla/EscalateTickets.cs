using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Sla;

/// <param name="Escalations">New escalation rows (a ticket that skipped levels while the job was down gets each level it reached).</param>
public sealed record EscalationRunResult(int TicketsChecked, int Escalations);

/// <summary>
/// The escalation job's rule, in business time (<see cref="BusinessClock"/>): a ticket whose running
/// SLA target (first response until an agent replies, then resolution) has used
/// <see cref="NearingShare"/> of its time goes to level 1, past the deadline to level 2, and half the
/// target again past it to level 3, each level once per ticket (a unique index stands behind it), to
/// the role the category names for that level. Waiting for the customer stops the clock.
/// </summary>
public sealed class EscalateTickets(IIspDbFactory dbs, IDatabaseLocks locks, PortalSettings settings, IspClock ispClock, TimeProvider clock)
{
    public const string LockName = "job:ticket-escalation";
    public const double NearingShare = 0.8;
    public const double FarOverdueShare = 1.5;

    private static readonly TicketStatus[] Running = [TicketStatus.Open, TicketStatus.Triaged, TicketStatus.Assigned, TicketStatus.InProgress];

    /// <returns>Null when another instance is escalating.</returns>
    public async Task<EscalationRunResult?> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(db, LockName, cancellationToken))
            return null;

        var business = new BusinessClock(await settings.GetAsync<BusinessHoursSettings>(cancellationToken), await ispClock.ZoneAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var tickets = await db.Tickets.Include(t => t.Category)
            .Where(t => Running.Contains(t.Status) && t.EscalationLevel < Ticket.MaxEscalationLevel)
            .Where(t => (t.FirstRespondedAt == null && t.FirstResponseDueAt != null) || (t.FirstRespondedAt != null && t.ResolutionDueAt != null))
            .ToListAsync(cancellationToken);

        var escalations = 0;
        foreach (var ticket in tickets)
        {
            var firstResponse = ticket.FirstRespondedAt is null;
            var due = (firstResponse ? ticket.FirstResponseDueAt : ticket.ResolutionDueAt)!.Value;
            var target = business.BusinessMinutesBetween(ticket.CreatedAt, due);
            var used = business.BusinessMinutesBetween(ticket.CreatedAt, now);
            var level = LevelFor(used, target, now >= due);
            while (ticket.EscalationLevel < level)
            {
                var next = ticket.EscalationLevel + 1;
                var reason = (firstResponse, next) switch
                {
                    (true, 1) => EscalationReason.FirstResponseDue,
                    (true, _) => EscalationReason.FirstResponseOverdue,
                    (false, 1) => EscalationReason.ResolutionDue,
                    _ => EscalationReason.ResolutionOverdue,
                };
                ticket.Escalate(reason, due, ticket.Category?.EscalationRoleFor(next), null, now);
                escalations++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EscalationRunResult(tickets.Count, escalations);
    }

    /// <summary>0 on track, 1 nearing the deadline, 2 past it, 3 far past it.</summary>
    public static int LevelFor(double usedMinutes, double targetMinutes, bool pastDeadline) =>
        pastDeadline && usedMinutes >= targetMinutes * FarOverdueShare ? 3
        : pastDeadline ? 2
        : targetMinutes > 0 && usedMinutes >= targetMinutes * NearingShare ? 1
        : 0;
}
