using IspPortal.Core.Common;
using IspPortal.Core.Customers.Installations;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets.Sla;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

public sealed record MyTicket(
    int Id, string Number, string Subject, TicketStatus Status, TicketPriority Priority, string? CustomerCode, string? CustomerName,
    string? Address, string? Phone, TicketSla Sla, uint Version)
{
    public IReadOnlyList<TicketAction> Actions => TicketActions.For(Status);
}

public sealed record MyWorkView(IReadOnlyList<MyTicket> Tickets, IReadOnlyList<InstallationRow> Installations);

/// <summary>
/// The signed-in user's day: tickets assigned to them that are not closed or cancelled, most urgent
/// first (the running SLA deadline; resolved ones last), and the installation work orders that are
/// theirs or nobody's (<see cref="InstallationList"/>).
/// </summary>
public sealed class MyWork(IIspDbFactory dbs, InstallationList installations, ICurrentUser currentUser)
{
    public const int MaxTickets = 200;

    private static readonly TicketStatus[] Finished = [TicketStatus.Closed, TicketStatus.Cancelled];

    /// <param name="withInstallations">Whether the user may work installations (a NOC engineer may not).</param>
    public async Task<MyWorkView> LoadAsync(bool withInstallations, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (actor.UserId is not { } me)
            return new MyWorkView([], []);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId == me && !Finished.Contains(t.Status))
            .OrderBy(t => t.CreatedAt)
            .Take(MaxTickets)
            .Select(t => new
            {
                t.Id, t.Number, t.Subject, t.Status, t.Priority, t.CreatedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.ResolutionDueAt, t.ResolvedAt, t.ClosedAt, t.Version,
                CustomerCode = t.Customer != null ? t.Customer.Code : null,
                CustomerName = t.Customer != null ? t.Customer.FullName : t.ContactName,
                Address = t.Customer != null ? t.Customer.Address : null,
                Phone = t.Customer != null ? t.Customer.Phone : t.ContactPhone,
            })
            .ToListAsync(cancellationToken);
        var tickets = rows
            .Select(t => new MyTicket(t.Id, t.Number, t.Subject, t.Status, t.Priority, t.CustomerCode, t.CustomerName, t.Address, t.Phone,
                TicketSla.Of(t.Status, t.CreatedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.ResolutionDueAt, t.ResolvedAt, t.ClosedAt), t.Version))
            .OrderBy(t => t.Status is TicketStatus.Resolved or TicketStatus.Verified)
            .ThenBy(t => t.Sla.Running.DueAt is null)
            .ThenBy(t => t.Sla.Running.DueAt)
            .ThenByDescending(t => t.Priority)
            .ThenBy(t => t.Id)
            .ToList();
        var work = withInstallations ? await installations.OpenAsync(me, cancellationToken) : [];
        return new MyWorkView(tickets, work);
    }
}
