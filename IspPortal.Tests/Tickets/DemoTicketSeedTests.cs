using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Sla;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Tickets;

/// <summary>The demo helpdesk: categories that triage, tickets in every status numbered like real ones.</summary>
public sealed class DemoTicketSeedTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Demo_tickets_cover_every_status_and_channel_with_workers_sla_misses_and_ratings()
    {
        await using var db = portal.Database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var categories = await db.TicketCategories.ToListAsync();
        Assert.Equal(["GANGGUAN", "PSB", "TAGIHAN", "PERANGKAT", "UPGRADE"], categories.OrderBy(c => c.SortOrder).Select(c => c.Code));
        Assert.All(categories, c => Assert.Contains(c.EscalationRoleLevel1, Roles.All));
        Assert.Equal("GANGGUAN", TicketTriage.Categorise(categories, "Internet tidak bisa internet", "")!.Code);

        var tickets = await db.Tickets.Include(t => t.Activities).ToListAsync();
        Assert.InRange(tickets.Count, 30, 40);
        Assert.Equal(Enum.GetValues<TicketStatus>().Order(), tickets.Select(t => t.Status).Distinct().Order());
        Assert.Equal([TicketChannel.Web, TicketChannel.WhatsApp, TicketChannel.Phone, TicketChannel.Email], tickets.Select(t => t.Channel).Distinct().Order());
        var technician = await db.Users.SingleAsync(u => u.UserName == "technician");
        var staff = await db.Users.SingleAsync(u => u.UserName == "staff");
        Assert.True(tickets.Count(t => t.AssigneeId == technician.Id) >= 5);
        Assert.True(tickets.Count(t => t.AssigneeId == staff.Id) >= 5);
        Assert.True(tickets.Count(t => TicketSla.Of(t).StandingAt(now) == SlaStanding.Breached) >= 2, "a few are past SLA");
        Assert.Contains(tickets, t => t.EscalationLevel >= 2);
        Assert.True(tickets.Count(t => t.Rating is not null) >= 5, "closed tickets are rated");
        Assert.All(tickets.Where(t => t.Rating is not null), t => Assert.Equal(TicketStatus.Closed, t.Status));
        Assert.All(tickets.SelectMany(t => t.Activities), a => Assert.True(a.OccurredAt <= now, "nothing happened in the future"));
        Assert.All(tickets.Where(t => t.Status != TicketStatus.Open), t =>
            Assert.Equal(t.Status.ToString(), t.Activities.Where(a => a.Kind is TicketActivityKind.StatusChanged or TicketActivityKind.Assigned)
                .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).Select(a => a.Kind == TicketActivityKind.Assigned ? nameof(TicketStatus.Assigned) : a.ToValue).Last()));
    }

    [Fact]
    public async Task Demo_ticket_numbers_run_per_month_without_gaps_and_the_counters_continue_after_them()
    {
        await using var db = portal.Database.CreateDbContext();
        var tickets = await db.Tickets.Select(t => new { t.Number, t.CreatedAt }).ToListAsync();
        // Months as the ISP counts them (WIB), as OpenTicket numbers.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(new IspPortal.Core.Common.RegionalSettings().TimeZone);
        foreach (var month in tickets.GroupBy(t => TimeZoneInfo.ConvertTime(t.CreatedAt, zone) is var local ? new DateOnly(local.Year, local.Month, 1) : default))
        {
            var expected = Enumerable.Range(1, month.Count()).Select(n => DocumentNumberFormat.Render(Ticket.NumberFormat, month.Key, n));
            Assert.Equal(expected, month.Select(t => t.Number).Order(StringComparer.Ordinal));
            var counter = await db.DocumentSequences.SingleAsync(s => s.Scope == DocumentNumberFormat.Scope(DocumentNumberFormat.TicketKind, Ticket.NumberFormat, month.Key));
            Assert.Equal(month.Count(), counter.LastValue);
        }
    }
}
