using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

public sealed record TicketFilter(TicketStatus? Status = null, TicketPriority? Priority = null, TicketChannel? Channel = null, Guid? AssigneeId = null, bool OpenOnly = false, int? CategoryId = null);

public sealed record TicketRow(
    int Id, string Number, string Subject, TicketStatus Status, TicketPriority Priority, TicketChannel Channel, string? CustomerCode, string? CustomerName,
    string? CategoryCode, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt, int EscalationLevel,
    DateTimeOffset? FirstRespondedAt = null, DateTimeOffset? ResolvedAt = null, DateTimeOffset? ClosedAt = null)
{
    public Sla.TicketSla Sla => Tickets.Sla.TicketSla.Of(Status, CreatedAt, FirstResponseDueAt, FirstRespondedAt, ResolutionDueAt, ResolvedAt, ClosedAt);
}

/// <summary>Tickets newest first (id breaks ties), searched by number, subject or customer code and name.</summary>
public sealed class TicketList(IIspDbFactory dbs)
{
    private static readonly TicketStatus[] Finished = [TicketStatus.Closed, TicketStatus.Cancelled];

    public async Task<PagedResult<TicketRow>> PageAsync(PageRequest request, TicketFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking();
        if (filter.Status is { } status)
            tickets = tickets.Where(t => t.Status == status);
        if (filter.Priority is { } priority)
            tickets = tickets.Where(t => t.Priority == priority);
        if (filter.Channel is { } channel)
            tickets = tickets.Where(t => t.Channel == channel);
        if (filter.AssigneeId is { } assignee)
            tickets = tickets.Where(t => t.AssigneeId == assignee);
        if (filter.CategoryId is { } category)
            tickets = tickets.Where(t => t.CategoryId == category);
        if (filter.OpenOnly)
            tickets = tickets.Where(t => !Finished.Contains(t.Status));
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = QueryableExtensions.ContainsPattern(request.Search);
            tickets = tickets.Where(t => EF.Functions.Like(t.Number.ToLower(), pattern) || EF.Functions.Like(t.Subject.ToLower(), pattern)
                || (t.Customer != null && (EF.Functions.Like(t.Customer.Code.ToLower(), pattern) || EF.Functions.Like(t.Customer.FullName.ToLower(), pattern))));
        }

        var total = await tickets.CountAsync(cancellationToken);
        var rows = await tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(request.Skip).Take(request.Take)
            .Select(t => new TicketRow(t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Channel,
                t.Customer != null ? t.Customer.Code : null, t.Customer != null ? t.Customer.FullName : null,
                t.Category != null ? t.Category.Code : null,
                db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.UserName).FirstOrDefault(),
                t.CreatedAt, t.FirstResponseDueAt, t.ResolutionDueAt, t.EscalationLevel, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<TicketRow>(rows, total);
    }
}
