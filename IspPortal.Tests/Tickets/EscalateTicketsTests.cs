using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Sla;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>The escalation job on the clock, in business hours: nearing (80%) → level 1, overdue → 2, far overdue (150%) → 3.</summary>
public sealed class EscalateTicketsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // Tuesday 12 August 2025, 09:00 in Jakarta.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 8, 12, 2, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        // GANGGUAN is high priority: first response within 60 business minutes.
        await TicketTestData.SeedAsync(database, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_unanswered_ticket_climbs_one_level_at_80_percent_at_the_deadline_and_at_150_percent_once_each()
    {
        var ticket = await OpenAsync();

        _clock.Advance(TimeSpan.FromMinutes(47));
        Assert.Equal(0, (await RunAsync()).Escalations);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await RunAsync()).Escalations);
        Assert.Equal(0, (await RunAsync()).Escalations);
        _clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(1, (await RunAsync()).Escalations);
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, (await RunAsync()).Escalations);
        _clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, (await RunAsync()).Escalations);

        await using var db = database.CreateDbContext();
        var escalations = await db.TicketEscalations.Where(e => e.TicketId == ticket).OrderBy(e => e.Level).ToListAsync();
        Assert.Equal([(1, EscalationReason.FirstResponseDue, "NOC"), (2, EscalationReason.FirstResponseOverdue, "Manager"), (3, EscalationReason.FirstResponseOverdue, "Admin")],
            escalations.Select(e => (e.Level, e.Reason, e.EscalatedToRole)));
        Assert.Equal(3, (await db.Tickets.SingleAsync()).EscalationLevel);
    }

    [Fact]
    public async Task Evenings_do_not_count_and_a_ticket_found_late_gets_every_level_it_reached()
    {
        // Opened 16:50: ten business minutes today, fifty tomorrow from 08:00.
        _clock.Advance(TimeSpan.FromMinutes(7 * 60 + 50));
        await OpenAsync();

        _clock.Advance(TimeSpan.FromHours(14));
        Assert.Equal(0, (await RunAsync()).Escalations);
        _clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(3, (await RunAsync()).Escalations);
    }

    [Fact]
    public async Task A_reply_moves_the_clock_to_resolution_and_waiting_for_the_customer_stops_it()
    {
        var id = await OpenAsync();
        await using (var db = database.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == id);
            ticket.RecordAgentReply(_clock.GetUtcNow().AddMinutes(5));
            await db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await RunAsync()).Escalations);

        await using (var db = database.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == id);
            ticket.MoveTo(TicketStatus.Assigned, null, _clock.GetUtcNow());
            ticket.MoveTo(TicketStatus.WaitingForCustomer, null, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, (await RunAsync()).TicketsChecked);
    }

    private async Task<int> OpenAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone));
        Assert.True(opened.Succeeded, opened.FirstError);
        return opened.Value!.Id;
    }

    private async Task<EscalationRunResult> RunAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<EscalateTickets>().ExecuteAsync())!;
    }
}
