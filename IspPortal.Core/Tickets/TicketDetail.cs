using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Tickets.Sla;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

public sealed record TicketCustomer(int Id, string Code, string FullName, string Phone, ConnectionState Connection);

/// <param name="Actor">The user's full name; null for the system (jobs, WhatsApp).</param>
public sealed record TicketActivityEntry(long Id, TicketActivityKind Kind, string? FromValue, string? ToValue, string? Actor, DateTimeOffset OccurredAt, string? Note);

public sealed record TicketEscalationEntry(int Level, EscalationReason Reason, DateTimeOffset DueAt, string? ToRole, string? ToUser, DateTimeOffset EscalatedAt, DateTimeOffset? AcknowledgedAt);

/// <param name="Version">The row version the screen read; actions send it back (optimistic concurrency).</param>
public sealed record TicketView(
    int Id, string Number, string Subject, string Description, TicketStatus Status, TicketPriority Priority, TicketChannel Channel,
    TicketCustomer? Customer, string? ContactName, string? ContactPhone, int? CategoryId, string? CategoryCode, string? CategoryName,
    Guid? AssigneeId, string? AssigneeUserName, string? AssigneeName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, TicketSla Sla,
    int EscalationLevel, int? Rating, string? RatingComment, uint Version,
    IReadOnlyList<TicketActivityEntry> Activities, IReadOnlyList<TicketEscalationEntry> Escalations)
{
    /// <summary>What an agent may do next, by the domain's lifecycle.</summary>
    public IReadOnlyList<TicketAction> Actions => TicketActions.For(Status);
}

/// <summary>One ticket with everything its page shows: customer, category, assignee, SLA, history and escalations.</summary>
public sealed class TicketDetail(IIspDbFactory dbs)
{
    public async Task<TicketView?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Customer).Include(t => t.Category)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
            return null;

        var activities = await db.TicketActivities.AsNoTracking().Where(a => a.TicketId == id)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new TicketActivityEntry(a.Id, a.Kind, a.FromValue, a.ToValue,
                db.Users.Where(u => u.Id == a.ActorId).Select(u => u.FullName).FirstOrDefault(), a.OccurredAt, a.Note))
            .ToListAsync(cancellationToken);
        var escalations = await db.TicketEscalations.AsNoTracking().Where(e => e.TicketId == id)
            .OrderBy(e => e.Level)
            .Select(e => new TicketEscalationEntry(e.Level, e.Reason, e.DueAt, e.EscalatedToRole,
                db.Users.Where(u => u.Id == e.EscalatedToUserId).Select(u => u.FullName).FirstOrDefault(), e.EscalatedAt, e.AcknowledgedAt))
            .ToListAsync(cancellationToken);
        var assignee = ticket.AssigneeId is { } assigneeId
            ? await db.Users.AsNoTracking().Where(u => u.Id == assigneeId).Select(u => new { u.UserName, u.FullName }).SingleOrDefaultAsync(cancellationToken)
            : null;

        // Assignments record user ids; the history shows names.
        var userIds = activities.Where(a => a.Kind == TicketActivityKind.Assigned)
            .SelectMany(a => new[] { a.FromValue, a.ToValue })
            .Select(v => Guid.TryParse(v, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, cancellationToken);
        activities = activities.Select(a => a.Kind == TicketActivityKind.Assigned
            ? a with { FromValue = a.FromValue is { } f ? names.GetValueOrDefault(f, f) : null, ToValue = a.ToValue is { } t ? names.GetValueOrDefault(t, t) : null }
            : a).ToList();

        var customer = ticket.Customer is { } c ? new TicketCustomer(c.Id, c.Code, c.FullName, c.Phone, c.ConnectionState) : null;
        return new TicketView(ticket.Id, ticket.Number, ticket.Subject, ticket.Description, ticket.Status, ticket.Priority, ticket.Channel,
            customer, ticket.ContactName, ticket.ContactPhone, ticket.CategoryId, ticket.Category?.Code, ticket.Category?.Name,
            ticket.AssigneeId, assignee?.UserName, assignee?.FullName, ticket.CreatedAt, ticket.UpdatedAt, TicketSla.Of(ticket),
            ticket.EscalationLevel, ticket.Rating, ticket.RatingComment, ticket.Version, activities, escalations);
    }
}
