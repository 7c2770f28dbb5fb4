using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>Who carries which tickets: only active users whose role works tickets, open work by status, SLA misses.</summary>
public sealed class TicketWorkloadTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{

    [Fact]
    public async Task Counts_open_tickets_by_status_and_past_sla_per_agent_lightest_first()
    {
        await TicketTestData.AddUserAsync(Services, "teknisi1", Roles.Technician);
        await TicketTestData.AddUserAsync(Services, "cs1", Roles.Staff);
        await TicketTestData.AddUserAsync(Services, "noc1", Roles.Noc);
        await TicketTestData.AddUserAsync(Services, "manajer1", Roles.Manager);
        await TicketTestData.AddUserAsync(Services, "keuangan1", Roles.Finance);
        var retired = await TicketTestData.AddUserAsync(Services, "teknisi-lama", Roles.Technician);

        var outage = await OpenAssignedAsync("Internet mati", "teknisi1");             // GANGGUAN high: first response within 60 minutes
        var question = await OpenAssignedAsync("Tanya jadwal kunjungan", "teknisi1"); // no category, no deadline
        var waiting = await OpenAssignedAsync("Kabel putus", "cs1");
        var done = await OpenAssignedAsync("Lampu LOS", "cs1");
        await MoveAsync(outage, TicketAction.StartWork);
        await MoveAsync(waiting, TicketAction.WaitForCustomer);
        await MoveAsync(done, TicketAction.Resolve, "Sudah normal");
        await using (var db = Database.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == retired.Id)).IsActive = false;
            await db.SaveChangesAsync();
        }
        Clock.Advance(TimeSpan.FromHours(2));

        var workload = await Services.UseAsync<TicketWorkload, IReadOnlyList<AgentWorkload>>(w => w.LoadAsync());

        Assert.Equal(["noc1", "cs1", "teknisi1"], workload.Select(w => w.UserName));
        var technician = workload.Single(w => w.UserName == "teknisi1");
        Assert.Equal((1, 1, 0, 2, 1), (technician.Assigned, technician.InProgress, technician.WaitingForCustomer, technician.Open, technician.PastSla));
        var staff = workload.Single(w => w.UserName == "cs1");
        Assert.Equal((0, 0, 1, 1, 1), (staff.Assigned, staff.InProgress, staff.WaitingForCustomer, staff.Open, staff.PastSla));
        Assert.Equal((0, 0), (workload[0].Open, workload[0].PastSla));
    }

    private async Task<int> OpenAssignedAsync(string subject, string assignee)
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, subject, "", TicketChannel.Phone));
        await Services.AssignAsync(opened.Id, assignee);
        return opened.Id;
    }

    private async Task MoveAsync(int id, TicketAction action, string? note = null)
    {
        var outcome = await Services.ChangeStatusAsync(id, action, note);
        Assert.True(outcome.Succeeded, outcome.FirstError);
    }
}
