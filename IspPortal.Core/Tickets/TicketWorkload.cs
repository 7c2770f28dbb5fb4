using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

/// <param name="Open">Tickets still to work on (not resolved, closed or cancelled).</param>
/// <param name="PastSla">Of those, how many are past the deadline of their running SLA target.</param>
public sealed record AgentWorkload(Guid UserId, string UserName, string FullName, int Assigned, int InProgress, int WaitingForCustomer, int PastSla)
{
    public int Open => Assigned + InProgress + WaitingForCustomer;
}

/// <summary>
/// Per user who may work tickets (active, with a role granted tickets.write): their open tickets by
/// status and how many are past SLA, lightest load first. Shown on the ticket list and when assigning.
/// </summary>
public sealed class TicketWorkload(IIspDbFactory dbs, TimeProvider clock)
{
    /// <summary>Assigned tickets in these statuses count as work in hand.</summary>
    public static readonly TicketStatus[] InHand = [TicketStatus.Open, TicketStatus.Triaged, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForCustomer];

    public async Task<IReadOnlyList<AgentWorkload>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var users = await db.ActiveWithPermission(Permissions.TicketsWrite).AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.FullName })
            .ToListAsync(cancellationToken);
        var counts = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId != null && InHand.Contains(t.Status))
            .GroupBy(t => new { t.AssigneeId, t.Status })
            .Select(g => new
            {
                g.Key.AssigneeId,
                g.Key.Status,
                Count = g.Count(),
                PastSla = g.Count(t => (t.FirstRespondedAt == null && t.FirstResponseDueAt < now) || (t.FirstRespondedAt != null && t.ResolutionDueAt < now)),
            })
            .ToListAsync(cancellationToken);
        return users
            .Select(u =>
            {
                var mine = counts.Where(c => c.AssigneeId == u.Id).ToList();
                int Count(params TicketStatus[] statuses) => mine.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
                return new AgentWorkload(u.Id, u.UserName ?? "", u.FullName,
                    Count(TicketStatus.Open, TicketStatus.Triaged, TicketStatus.Assigned), Count(TicketStatus.InProgress), Count(TicketStatus.WaitingForCustomer),
                    mine.Sum(c => c.PastSla));
            })
            .OrderBy(w => w.Open).ThenBy(w => w.FullName, StringComparer.Ordinal)
            .ToList();
    }
}
