using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Analytics;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>
/// Four tickets opened Monday 10:00 with known timings in business hours (Mon–Sat 08–17 Jakarta) give known figures:
/// nearest-rank median and p90, SLA compliance counting open tickets past their deadline as missed,
/// volumes, the day series and a technician's row. Cancelled tickets count as volume only.
/// </summary>
public sealed class TicketAnalyticsTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Known_timings_give_known_medians_percentiles_sla_volumes_and_a_technicians_row()
    {
        var technician = (await TicketTestData.AddUserAsync(Services, "tech-1", Roles.Technician)).Id;
        var fast = await OpenAsync("Internet mati");
        var slow = await OpenAsync("Internet putus");
        var forgotten = await OpenAsync("Lampu los merah");
        var cancelled = await OpenAsync("Tanya paket");
        await ChangeAsync(cancelled, t => t.MoveTo(TicketStatus.Cancelled, null, Clock.GetUtcNow()));
        await ChangeAsync(fast, t => t.AssignTo(technician, null, Clock.GetUtcNow()));
        await ChangeAsync(slow, t => t.AssignTo(technician, null, Clock.GetUtcNow()));

        await AtAsync(TimeSpan.FromMinutes(30), fast, t => t.RecordAgentReply(Clock.GetUtcNow()));
        await AtAsync(TimeSpan.FromMinutes(90), fast, t => Resolve(t, 5));
        await AtAsync(TimeSpan.FromMinutes(0), slow, t => t.RecordAgentReply(Clock.GetUtcNow()));
        // Tuesday 11:00: 7 business hours on Monday after 10:00 plus 3 on Tuesday = 600 minutes.
        await AtAsync(TimeSpan.FromHours(23), slow, t => Resolve(t, 3));
        Clock.Advance(TimeSpan.FromHours(2));

        await using var query = Services.CreateAsyncScope();
        var outcome = await query.ServiceProvider.GetRequiredService<TicketAnalytics>().ExecuteAsync(new TicketAnalyticsFilter(new(2025, 8, 11), new(2025, 8, 12)));

        var report = outcome.Value!;
        Assert.Equal((4, 2, 1), (report.Opened, report.Resolved, report.Cancelled));
        Assert.Equal(new DurationStats(2, 30, 120), report.FirstResponse);
        Assert.Equal(new DurationStats(2, 120, 600), report.Resolution);
        Assert.Equal((1, 2, 33.3), (report.FirstResponseSla.Met, report.FirstResponseSla.Missed, report.FirstResponseSla.Percent));
        Assert.Equal((1, 2), (report.ResolutionSla.Met, report.ResolutionSla.Missed));
        Assert.Equal((4.0, 2), (report.AverageRating, report.Ratings));
        Assert.Equal([new VolumeSlice("Gangguan", 3), new VolumeSlice(TicketAnalytics.Uncategorised, 1)], report.ByCategory);
        Assert.Equal([new VolumeSlice(nameof(TicketChannel.Phone), 4)], report.ByChannel);
        Assert.Equal([new DailyVolume(new(2025, 8, 11), 4, 1), new DailyVolume(new(2025, 8, 12), 0, 1)], report.Daily);
        var row = Assert.Single(report.Agents);
        Assert.Equal(("Petugas tech-1", 2, 2, 0, 120.0, 50.0, 4.0), (row.Name, row.Assigned, row.Resolved, row.OpenNow, row.MedianResolutionMinutes, row.ResolutionSla.Percent, row.AverageRating));
        Assert.Equal(forgotten, await UnassignedAsync());
    }

    [Fact]
    public async Task A_backwards_or_too_long_range_is_refused_with_a_reason()
    {
        await using var scope = Services.CreateAsyncScope();
        var analytics = scope.ServiceProvider.GetRequiredService<TicketAnalytics>();

        var backwards = await analytics.ExecuteAsync(new TicketAnalyticsFilter(new(2025, 8, 13), new(2025, 8, 12)));
        var tooLong = await analytics.ExecuteAsync(new TicketAnalyticsFilter(new(2024, 1, 1), new(2025, 8, 12)));

        Assert.Equal("Tanggal akhir harus sama dengan atau setelah tanggal awal.", backwards.FirstError);
        Assert.StartsWith("Rentang paling panjang", tooLong.FirstError, StringComparison.Ordinal);
    }

    private void Resolve(Ticket ticket, int rating)
    {
        var now = Clock.GetUtcNow();
        ticket.MoveTo(TicketStatus.InProgress, null, now);
        ticket.MoveTo(TicketStatus.Resolved, null, now, "Selesai.");
        ticket.Rate(rating, null, now);
    }

    private async Task<int> OpenAsync(string subject) =>
        (await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, subject, "", TicketChannel.Phone))).Id;

    private async Task AtAsync(TimeSpan later, int id, Action<Ticket> change)
    {
        Clock.Advance(later);
        await ChangeAsync(id, change);
    }

    private async Task ChangeAsync(int id, Action<Ticket> change)
    {
        await using var db = Database.CreateDbContext();
        change(await db.Tickets.SingleAsync(t => t.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task<int> UnassignedAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Tickets.Where(t => t.AssigneeId == null && t.Status != TicketStatus.Cancelled).Select(t => t.Id).SingleAsync();
    }
}
