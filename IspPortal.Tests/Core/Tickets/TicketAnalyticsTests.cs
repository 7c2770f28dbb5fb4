using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Analytics;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Core.Tickets;

/// <summary>
/// Four tickets with known timings in business hours (Mon–Sat 08–17 Jakarta) give known figures:
/// nearest-rank median and p90, SLA compliance counting open tickets past their deadline as missed,
/// volumes, the day series and a technician's row. Cancelled tickets count as volume only.
/// </summary>
public sealed class TicketAnalyticsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // Tuesday 12 August 2025, 09:00 in Jakarta.
    private static readonly DateTimeOffset Opened = new(2025, 8, 12, 2, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Opened);
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await TicketTestData.SeedAsync(database, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Known_timings_give_known_medians_percentiles_sla_volumes_and_a_technicians_row()
    {
        await CoreServices.EnsureRolesAsync(_services);
        Guid technician;
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = "tech-1", FullName = "Teknisi Satu", CreatedAt = Opened };
            Assert.True((await users.CreateAsync(user, PortalUsers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Technician)).Succeeded);
            technician = user.Id;
        }
        var fast = await OpenAsync("Internet mati");
        var slow = await OpenAsync("Internet putus");
        var forgotten = await OpenAsync("Lampu los merah");
        var cancelled = await OpenAsync("Tanya paket");
        await ChangeAsync(cancelled, t => t.MoveTo(TicketStatus.Cancelled, null, Opened));
        await ChangeAsync(fast, t => t.AssignTo(technician, null, Opened));
        await ChangeAsync(slow, t => t.AssignTo(technician, null, Opened));

        await AtAsync(TimeSpan.FromMinutes(30), fast, t => t.RecordAgentReply(_clock.GetUtcNow()));
        await AtAsync(TimeSpan.FromMinutes(90), fast, t => Resolve(t, 5));
        await AtAsync(TimeSpan.FromMinutes(0), slow, t => t.RecordAgentReply(_clock.GetUtcNow()));
        // Wednesday 10:00: 8 business hours on Tuesday after 09:00 plus 2 on Wednesday = 600 minutes.
        await AtAsync(TimeSpan.FromHours(23), slow, t => Resolve(t, 3));
        _clock.Advance(TimeSpan.FromHours(2));

        await using var query = _services.CreateAsyncScope();
        var outcome = await query.ServiceProvider.GetRequiredService<TicketAnalytics>().ExecuteAsync(new TicketAnalyticsFilter(new(2025, 8, 12), new(2025, 8, 13)));

        var report = outcome.Value!;
        Assert.Equal((4, 2, 1), (report.Opened, report.Resolved, report.Cancelled));
        Assert.Equal(new DurationStats(2, 30, 120), report.FirstResponse);
        Assert.Equal(new DurationStats(2, 120, 600), report.Resolution);
        Assert.Equal((1, 2, 33.3), (report.FirstResponseSla.Met, report.FirstResponseSla.Missed, report.FirstResponseSla.Percent));
        Assert.Equal((1, 2), (report.ResolutionSla.Met, report.ResolutionSla.Missed));
        Assert.Equal((4.0, 2), (report.AverageRating, report.Ratings));
        Assert.Equal([new VolumeSlice("Gangguan", 3), new VolumeSlice(TicketAnalytics.Uncategorised, 1)], report.ByCategory);
        Assert.Equal([new VolumeSlice(nameof(TicketChannel.Phone), 4)], report.ByChannel);
        Assert.Equal([new DailyVolume(new(2025, 8, 12), 4, 1), new DailyVolume(new(2025, 8, 13), 0, 1)], report.Daily);
        var row = Assert.Single(report.Agents);
        Assert.Equal(("Teknisi Satu", 2, 2, 0, 120.0, 50.0, 4.0), (row.Name, row.Assigned, row.Resolved, row.OpenNow, row.MedianResolutionMinutes, row.ResolutionSla.Percent, row.AverageRating));
        Assert.Equal(forgotten, await UnassignedAsync());
    }

    [Fact]
    public async Task A_backwards_or_too_long_range_is_refused_with_a_reason()
    {
        await using var scope = _services.CreateAsyncScope();
        var analytics = scope.ServiceProvider.GetRequiredService<TicketAnalytics>();

        var backwards = await analytics.ExecuteAsync(new TicketAnalyticsFilter(new(2025, 8, 13), new(2025, 8, 12)));
        var tooLong = await analytics.ExecuteAsync(new TicketAnalyticsFilter(new(2024, 1, 1), new(2025, 8, 12)));

        Assert.Equal("Tanggal akhir harus sama dengan atau setelah tanggal awal.", backwards.FirstError);
        Assert.StartsWith("Rentang paling panjang", tooLong.FirstError, StringComparison.Ordinal);
    }

    private void Resolve(Ticket ticket, int rating)
    {
        var now = _clock.GetUtcNow();
        ticket.MoveTo(TicketStatus.InProgress, null, now);
        ticket.MoveTo(TicketStatus.Resolved, null, now, "Selesai.");
        ticket.Rate(rating, null, now);
    }

    private async Task<int> OpenAsync(string subject)
    {
        await using var scope = _services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, subject, "", TicketChannel.Phone));
        Assert.True(opened.Succeeded, opened.FirstError);
        return opened.Value!.Id;
    }

    private async Task AtAsync(TimeSpan later, int id, Action<Ticket> change)
    {
        _clock.Advance(later);
        await ChangeAsync(id, change);
    }

    private async Task ChangeAsync(int id, Action<Ticket> change)
    {
        await using var db = database.CreateDbContext();
        change(await db.Tickets.SingleAsync(t => t.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task<int> UnassignedAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Tickets.Where(t => t.AssigneeId == null && t.Status != TicketStatus.Cancelled).Select(t => t.Id).SingleAsync();
    }
}
