using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>An agent's lifecycle actions and triage on real PostgreSQL: the domain's moves, notes, concurrency, SLA recomputed.</summary>
public sealed class ChangeTicketStatusTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private PortalUser _agent = default!;

    protected override async Task ArrangeAsync()
    {
        _agent = await TicketTestData.AddUserAsync(Services, "teknisi1", Roles.Technician);
        Services.GetRequiredService<TestActor>().Current = Actor.For(_agent.Id, _agent.UserName!, [Roles.Technician]);
    }

    [Fact]
    public async Task An_agent_works_a_ticket_through_its_lifecycle_and_each_step_is_recorded_with_its_note()
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone));
        await Services.AssignAsync(opened.Id, "teknisi1");

        Assert.Equal(TicketStatus.InProgress, await ActAsync(opened.Id, TicketAction.StartWork));
        Assert.Equal(TicketStatus.WaitingForCustomer, await ActAsync(opened.Id, TicketAction.WaitForCustomer, "Minta foto lampu ONT"));
        Assert.Equal(TicketStatus.InProgress, await ActAsync(opened.Id, TicketAction.StartWork));
        var noNote = await ChangeAsync(opened.Id, TicketAction.Resolve, " ");
        Assert.Equal("Catatan penyelesaian wajib diisi.", noNote.Errors[ChangeTicketStatus.NoteField].Single());
        Assert.Equal(TicketStatus.Resolved, await ActAsync(opened.Id, TicketAction.Resolve, "Konektor diganti, redaman -19 dBm"));
        Assert.Equal(TicketStatus.InProgress, await ActAsync(opened.Id, TicketAction.Reopen));
        Assert.Equal(TicketStatus.Resolved, await ActAsync(opened.Id, TicketAction.Resolve, "Kabel drop diganti"));
        Assert.Equal(TicketStatus.Closed, await ActAsync(opened.Id, TicketAction.Close));

        var view = (await Services.UseAsync<TicketDetail, TicketView?>(d => d.FindAsync(opened.Id)))!;
        var moves = view.Activities.Where(a => a.Kind == TicketActivityKind.StatusChanged).Select(a => (a.ToValue, a.Note, a.Actor)).ToList();
        Assert.Equal(
        [
            ("InProgress", null, "Petugas teknisi1"), ("WaitingForCustomer", "Minta foto lampu ONT", "Petugas teknisi1"), ("InProgress", null, "Petugas teknisi1"),
            ("Resolved", "Konektor diganti, redaman -19 dBm", "Petugas teknisi1"), ("InProgress", null, "Petugas teknisi1"),
            ("Resolved", "Kabel drop diganti", "Petugas teknisi1"), ("Closed", null, "Petugas teknisi1"),
        ], moves);
        Assert.Equal("Petugas teknisi1", view.Activities.Single(a => a.Kind == TicketActivityKind.Assigned).ToValue);
        Assert.Empty(view.Actions);
        Assert.NotNull(view.Sla.Resolution.MetAt);
    }

    [Fact]
    public async Task A_move_the_lifecycle_does_not_allow_is_refused_in_Indonesian_and_changes_nothing()
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone));
        var before = await ActivityCountAsync(opened.Id);

        var start = await ChangeAsync(opened.Id, TicketAction.StartWork);
        var close = await ChangeAsync(opened.Id, TicketAction.Close);
        var cancelWithoutReason = await ChangeAsync(opened.Id, TicketAction.Cancel);

        Assert.Equal($"Tiket {opened.Number} berstatus Baru dan tidak bisa diubah ke Dikerjakan.", start.FirstError);
        Assert.Contains("tidak bisa diubah ke Ditutup", close.FirstError, StringComparison.Ordinal);
        Assert.Equal("Alasan pembatalan wajib diisi.", cancelWithoutReason.Errors[ChangeTicketStatus.NoteField].Single());
        await using (var db = Database.CreateDbContext())
            Assert.Equal(TicketStatus.Open, (await db.Tickets.SingleAsync(t => t.Id == opened.Id)).Status);
        Assert.Equal(before, await ActivityCountAsync(opened.Id));

        Assert.Equal(TicketStatus.Cancelled, await ActAsync(opened.Id, TicketAction.Cancel, "Laporan ganda"));
        Assert.False((await ChangeAsync(opened.Id, TicketAction.StartWork)).Succeeded);
        Assert.Equal([TicketAction.StartWork, TicketAction.WaitForCustomer, TicketAction.Resolve, TicketAction.Cancel], TicketActions.For(TicketStatus.Assigned));
        Assert.Equal([TicketAction.Reopen, TicketAction.Close], TicketActions.For(TicketStatus.Resolved));
        Assert.Equal([TicketAction.Close], TicketActions.For(TicketStatus.Verified));
    }

    [Fact]
    public async Task A_ticket_changed_since_the_agent_loaded_it_is_left_alone_and_of_two_at_once_one_wins()
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone));
        await Services.AssignAsync(opened.Id, "teknisi1");
        var seen = await VersionAsync(opened.Id);

        Assert.True((await ChangeAsync(opened.Id, TicketAction.StartWork, version: seen)).Succeeded);
        var stale = await ChangeAsync(opened.Id, TicketAction.Resolve, "Sudah beres", version: seen);

        Assert.Equal(ChangeTicketStatus.ChangedMeanwhile, stale.FirstError);
        await using (var db = Database.CreateDbContext())
            Assert.Equal(TicketStatus.InProgress, (await db.Tickets.SingleAsync(t => t.Id == opened.Id)).Status);

        var current = await VersionAsync(opened.Id);
        var both = await Task.WhenAll(
            ChangeAsync(opened.Id, TicketAction.Resolve, "Sudah beres", version: current),
            ChangeAsync(opened.Id, TicketAction.WaitForCustomer, "Tunggu konfirmasi", version: current));

        Assert.Single(both, o => o.Succeeded);
        Assert.Equal(ChangeTicketStatus.ChangedMeanwhile, Assert.Single(both, o => !o.Succeeded).FirstError);
        await using var after = Database.CreateDbContext();
        var ticket = await after.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == opened.Id);
        Assert.Equal(both.Single(o => o.Succeeded).Value!.Status, ticket.Status);
        Assert.Equal(2, ticket.Activities.Count(a => a.Kind == TicketActivityKind.StatusChanged));
    }

    [Fact]
    public async Task Triage_sets_category_and_priority_and_recomputes_the_deadlines_in_business_hours_from_opening()
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Tanya jadwal kunjungan", "", TicketChannel.Web));
        Assert.Null(opened.CategoryCode);
        int category;
        await using (var db = Database.CreateDbContext())
            category = (await db.TicketCategories.SingleAsync(c => c.Code == "GANGGUAN")).Id;
        Clock.Advance(TimeSpan.FromHours(2));

        var stale = await Services.UseAsync<ChangeTicketStatus, Outcome<TicketChanged>>(c => c.TriageAsync(new TicketTriageInput(opened.Id, 0, category, TicketPriority.Urgent)));
        Assert.Equal(ChangeTicketStatus.ChangedMeanwhile, stale.FirstError);

        var urgent = await TriageAsync(opened.Id, category, TicketPriority.Urgent);

        Assert.Equal(TicketStatus.Triaged, urgent.Status);
        var view = (await Services.UseAsync<TicketDetail, TicketView?>(d => d.FindAsync(opened.Id)))!;
        // Urgent: 15 and 240 business minutes from opening at 10:00, not from the triage at 12:00.
        Assert.Equal(new DateTimeOffset(2025, 8, 11, 10, 15, 0, Wib), view.Sla.FirstResponse.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 8, 11, 14, 0, 0, Wib), view.Sla.Resolution.DueAt);
        Assert.Equal(("GANGGUAN", TicketPriority.Urgent), (view.CategoryCode, view.Priority));
        Assert.Equal(IspPortal.Core.Tickets.Sla.SlaStanding.Breached, view.Sla.StandingAt(Clock.GetUtcNow()));

        var low = await TriageAsync(opened.Id, category, TicketPriority.Low);
        Assert.Equal(TicketStatus.Triaged, low.Status);
        view = (await Services.UseAsync<TicketDetail, TicketView?>(d => d.FindAsync(opened.Id)))!;
        // Low: 480 business minutes = 420 left on Monday, then 60 from Tuesday 08:00.
        Assert.Equal(new DateTimeOffset(2025, 8, 12, 9, 0, 0, Wib), view.Sla.FirstResponse.DueAt);
        Assert.Equal(2, view.Activities.Count(a => a.Kind == TicketActivityKind.Categorised));
        Assert.Single(view.Activities, a => a.Kind == TicketActivityKind.StatusChanged && a.ToValue == nameof(TicketStatus.Triaged));
    }

    private async Task<TicketChanged> TriageAsync(int id, int category, TicketPriority priority)
    {
        var version = await VersionAsync(id);
        var outcome = await Services.UseAsync<ChangeTicketStatus, Outcome<TicketChanged>>(c => c.TriageAsync(new TicketTriageInput(id, version, category, priority)));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<TicketStatus> ActAsync(int id, TicketAction action, string? note = null)
    {
        var outcome = await ChangeAsync(id, action, note);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!.Status;
    }

    private Task<Outcome<TicketChanged>> ChangeAsync(int id, TicketAction action, string? note = null, uint? version = null) =>
        Services.ChangeStatusAsync(id, action, note, version);

    private Task<uint> VersionAsync(int id) => Services.TicketVersionAsync(id);

    private async Task<int> ActivityCountAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.TicketActivities.CountAsync(a => a.TicketId == id);
    }
}
