using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Reports.Dashboard;

public sealed record DashboardCounts(
    IReadOnlyDictionary<CustomerStatus, int> CustomersByStatus,
    int Online,
    int Offline,
    int OpenTickets,
    int UrgentOpenTickets,
    int UnpaidInvoices,
    decimal AmountDue,
    int Routers,
    int RoutersReachable)
{
    public int Customers(CustomerStatus status) => CustomersByStatus.GetValueOrDefault(status);
}

/// <summary>
/// The main dashboard's numbers, each one aggregate query on the database. What customers owe is
/// total − paid − credited, as Piutang usaha in the ledger and the invoice list count it.
/// </summary>
public sealed class DashboardSummary(IIspDbFactory dbs)
{
    public static readonly TicketStatus[] OpenTicketStatuses =
        [TicketStatus.Open, TicketStatus.Triaged, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForCustomer];

    public static readonly InvoiceStatus[] UnpaidInvoiceStatuses =
        [InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    public async Task<DashboardCounts> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var byStatus = await db.Customers.GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var connections = await db.Customers
            .Where(c => c.Status == CustomerStatus.Active)
            .GroupBy(c => c.ConnectionState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var openTickets = await db.Tickets.Where(t => OpenTicketStatuses.Contains(t.Status))
            .GroupBy(t => t.Priority == TicketPriority.Urgent)
            .Select(g => new { Urgent = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var unpaid = await db.Invoices.Where(i => UnpaidInvoiceStatuses.Contains(i.Status))
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Due = g.Sum(i => i.Total - i.AmountPaid - i.CreditedAmount) })
            .SingleOrDefaultAsync(cancellationToken);
        var routers = await db.Routers.Where(r => r.IsActive).GroupBy(r => r.Health == RouterHealth.Up)
            .Select(g => new { Reachable = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new DashboardCounts(
            byStatus,
            connections.GetValueOrDefault(ConnectionState.Online),
            connections.GetValueOrDefault(ConnectionState.Offline),
            openTickets.Sum(t => t.Count),
            openTickets.Where(t => t.Urgent).Sum(t => t.Count),
            unpaid?.Count ?? 0,
            unpaid?.Due ?? 0m,
            routers.Sum(r => r.Count),
            routers.Where(r => r.Reachable).Sum(r => r.Count));
    }
}

/// <summary>
/// The dashboard's numbers as every open dashboard of this instance reloads them after a change:
/// one read shared by all of them (<see cref="CoalescedLoad{T}"/>). The numbers are the same for
/// every role; each tile's own permission decides whether it is shown.
/// </summary>
public sealed class SharedDashboardCounts(IServiceScopeFactory scopes) : CoalescedLoad<DashboardCounts>(scopes)
{
    protected override Task<DashboardCounts> ReadAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DashboardSummary>().LoadAsync(cancellationToken);
}
