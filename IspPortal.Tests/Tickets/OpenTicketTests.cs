using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>Opening tickets on real PostgreSQL: keyword triage, SLA deadlines in business hours, monthly numbers.</summary>
public sealed class OpenTicketTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // Saturday 16 August 2025, 16:00 in Jakarta: one working hour left before Sunday and the 17 August holiday.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 8, 16, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await using var scope = _services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<IspPortal.Core.Settings.PortalSettings>()
            .SaveAsync(new IspPortal.Core.Tickets.BusinessHoursSettings { Holidays = [new DateOnly(2025, 8, 17), new DateOnly(2025, 8, 18)] }, IspPortal.Core.Identity.Actor.System)).Succeeded);
        await TicketTestData.SeedAsync(database, _clock,
            new TicketCategory { Code = "TAGIHAN", Name = "Tagihan", Keywords = ["tagihan", "bayar"], DefaultPriority = TicketPriority.Low, SortOrder = 1, CreatedAt = _clock.GetUtcNow() });
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Keywords_pick_the_category_whose_sla_in_business_hours_sets_the_deadlines()
    {
        var opened = await OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "Lampu LOS merah sejak siang", TicketChannel.Phone));

        Assert.Equal(("GANGGUAN", TicketPriority.High, "TKT-2508-000001"), (opened.CategoryCode, opened.Priority, opened.Number));
        // High: first response 60 business minutes → Saturday 16:00–17:00; resolution 480 → 60 on Saturday, 420 from Tuesday 19 August 08:00.
        Assert.Equal(new DateTimeOffset(2025, 8, 16, 17, 0, 0, TimeSpan.FromHours(7)), opened.FirstResponseDueAt);
        Assert.Equal(new DateTimeOffset(2025, 8, 19, 15, 0, 0, TimeSpan.FromHours(7)), opened.ResolutionDueAt);
        await using var db = database.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Activities).SingleAsync();
        Assert.Equal([TicketActivityKind.Created, TicketActivityKind.Categorised], ticket.Activities.OrderBy(a => a.Id).Select(a => a.Kind));
    }

    [Fact]
    public async Task Whole_words_only_and_an_unmatched_ticket_waits_for_triage_without_deadlines()
    {
        // "bayaran" is not the keyword "bayar", "kelos" not "los".
        var opened = await OpenAsync(new TicketInput(null, "Tanya soal bayaran kelos", "", TicketChannel.Web, ContactName: "Tetangga", ContactPhone: "0812 9999 0000"));
        var explicitPriority = await OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Tagihan dobel", "", TicketChannel.Web, TicketPriority.Urgent));

        Assert.Equal((null, TicketPriority.Medium, null), (opened.CategoryCode, opened.Priority, opened.FirstResponseDueAt));
        Assert.Equal(("TAGIHAN", TicketPriority.Urgent, "TKT-2508-000002"), (explicitPriority.CategoryCode, explicitPriority.Priority, explicitPriority.Number));
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_field_and_nothing_is_written()
    {
        await using var scope = _services.CreateAsyncScope();
        var open = scope.ServiceProvider.GetRequiredService<OpenTicket>();

        var noSubject = await open.ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, " ", "", TicketChannel.Web));
        var nobody = await open.ExecuteAsync(new TicketInput(null, "Internet mati", "", TicketChannel.Web));
        var unknown = await open.ExecuteAsync(new TicketInput("KCB-XXX", "Internet mati", "", TicketChannel.Web));
        var portal = await open.ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.CustomerPortal));

        Assert.True(noSubject.Errors.ContainsKey(nameof(TicketInput.Subject)));
        Assert.True(nobody.Errors.ContainsKey(nameof(TicketInput.CustomerCode)));
        Assert.Equal("Pelanggan KCB-XXX tidak ditemukan.", unknown.Errors[nameof(TicketInput.CustomerCode)].Single());
        Assert.True(portal.Errors.ContainsKey(nameof(TicketInput.Channel)));
        await using var db = database.CreateDbContext();
        Assert.False(await db.Tickets.AnyAsync());
    }

    private async Task<OpenedTicket> OpenAsync(TicketInput input)
    {
        await using var scope = _services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(input);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }
}
