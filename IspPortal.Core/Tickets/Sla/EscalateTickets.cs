using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Sla;

/// <param name="Escalations">New escalation rows (a ticket that skipped levels while the job was down gets each level it reached).</param>
public sealed record EscalationRunResult(int TicketsChecked, int Escalations, int Notices);

/// <summary>
/// The escalation job's rule, in business time (<see cref="BusinessClock"/>): a ticket whose running
/// SLA target (first response until an agent replies, then resolution) has used
/// <see cref="NearingShare"/> of its time goes to level 1, past the deadline to level 2, and half the
/// target again past it to level 3, each level once per ticket (a unique index stands behind it), to
/// the role the category names for that level. Waiting for the customer stops the clock. Each
/// escalation is told to the active users in that role, the person the category names for the level, and the assignee, on WhatsApp and e-mail
/// where they have a number or address, in the same transaction (the outbox).
/// </summary>
public sealed class EscalateTickets(
    IIspDbFactory dbs, IDatabaseLocks locks, PortalSettings settings, IspClock ispClock, Lifecycle.ITicketLinks links, IOutboxWriter outbox, Chat.ITicketChatBus chat, PortalMetrics metrics, TimeProvider clock)
{
    public const string LockName = "job:ticket-escalation";
    public const double NearingShare = 0.8;
    public const double FarOverdueShare = 1.5;

    /// <summary>The level a ticket reaches when its deadline passes: counted as an SLA breach.</summary>
    public const int BreachedLevel = 2;

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

        var escalations = new List<TicketEscalation>();
        var breached = new List<string>();
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
                if (next == BreachedLevel)
                    breached.Add(firstResponse ? "first_response" : "resolution");
                escalations.Add(ticket.Escalate(reason, due, ticket.Category?.EscalationRoleFor(next), ticket.Category?.EscalationUserFor(next), now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var notices = await outbox.InsertNewAsync(db, await NoticesAsync(db, escalations, now, cancellationToken), cancellationToken);
        foreach (var id in escalations.Select(e => e.Ticket!.Id).Distinct())
            await chat.PublishAsync(db, new Chat.ChatTicketChanged(id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var target in breached.GroupBy(t => t))
            metrics.SlaBreached(target.Key, target.Count());
        return new EscalationRunResult(tickets.Count, escalations.Count, notices);
    }

    private async Task<List<OutboxMessage>> NoticesAsync(IIspDb db, List<TicketEscalation> escalations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (escalations.Count == 0)
            return [];
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var roles = escalations.Select(e => e.EscalatedToRole).OfType<string>().Distinct().ToList();
        var people = escalations.Select(e => e.Ticket!.AssigneeId).Concat(escalations.Select(e => e.EscalatedToUserId)).OfType<Guid>().Distinct().ToList();
        var staff = await db.Users.Where(u => u.IsActive)
            .Where(u => people.Contains(u.Id) || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.FullName, u.Email, u.PhoneNumber, Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList() })
            .ToListAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        foreach (var escalation in escalations)
        {
            var ticket = escalation.Ticket!;
            var values = new Dictionary<string, string>
            {
                ["nomor_tiket"] = ticket.Number,
                ["subjek"] = ticket.Subject,
                ["level"] = escalation.Level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["alasan"] = ReasonText(escalation.Reason),
                ["batas_waktu"] = DisplayFormats.InZone(escalation.DueAt, zone),
                ["link_tiket"] = links.ForStaff(ticket.Id),
            };
            foreach (var user in staff.Where(u => u.Id == ticket.AssigneeId || u.Id == escalation.EscalatedToUserId || escalation.EscalatedToRole is { } role && u.Roles.Contains(role)))
            {
                var parameters = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>(values) { ["nama"] = user.FullName });
                messages.AddRange(OutboxMessage.ToPhoneAndEmail($"ticket-escalation:{ticket.Number}:{escalation.Level}:{user.Id:N}",
                    user.PhoneNumber, user.Email, NotificationEvents.TicketEscalated.Key, parameters, now));
            }
        }
        return messages;
    }

    public static string ReasonText(EscalationReason reason) => reason switch
    {
        EscalationReason.FirstResponseDue => "mendekati batas respons pertama",
        EscalationReason.FirstResponseOverdue => "melewati batas respons pertama",
        EscalationReason.ResolutionDue => "mendekati batas penyelesaian",
        EscalationReason.ResolutionOverdue => "melewati batas penyelesaian",
        _ => "dieskalasi manual",
    };

    /// <summary>0 on track, 1 nearing the deadline, 2 past it, 3 far past it.</summary>
    public static int LevelFor(double usedMinutes, double targetMinutes, bool pastDeadline) =>
        pastDeadline && usedMinutes >= targetMinutes * FarOverdueShare ? 3
        : pastDeadline ? 2
        : targetMinutes > 0 && usedMinutes >= targetMinutes * NearingShare ? 1
        : 0;
}
