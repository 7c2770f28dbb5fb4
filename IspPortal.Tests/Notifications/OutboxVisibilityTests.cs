using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary>The outbox shows billing amounts and customers' pay and ticket links only to roles that read billing.</summary>
public sealed class OutboxVisibilityTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Reminder = "Halo Budi, tagihan Rp 150.000 jatuh tempo 10/12/2026. Bayar di http://localhost:5000/bayar/Zx8_kQ2 ya.";
    private const string TicketUpdate = "Tiket T-0042 sedang dikerjakan. Lihat https://isp.example/tiket/aB3-9 untuk perkembangannya.";

    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
        await using var db = database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.OutboxMessages.Add(new OutboxMessage("reminder:vis", NotificationChannel.WhatsApp, "+6281200000090", "invoice_reminder", "{}", now) { Body = Reminder });
        db.OutboxMessages.Add(new OutboxMessage("ticket:vis", NotificationChannel.WhatsApp, "+6281200000091", "ticket_update", "{}", now) { Body = TicketUpdate });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<IReadOnlyList<string?>> BodiesSeenByAsync(string role)
    {
        _services.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), "role-" + role, [role]);
        await using var scope = _services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<OutboxList>().PageAsync(new PageRequest(PageSize: 50), status: null);
        return [.. page.Items.OrderBy(m => m.Recipient).Select(m => m.Body)];
    }

    [Fact]
    public async Task Noc_and_technicians_see_the_texts_without_amounts_or_customer_links()
    {
        foreach (var role in new[] { Roles.Noc, Roles.Technician })
        {
            Assert.Equal(
            [
                $"Halo Budi, tagihan {OutboxList.HiddenAmount} jatuh tempo 10/12/2026. Bayar di {OutboxList.HiddenLink} ya.",
                $"Tiket T-0042 sedang dikerjakan. Lihat {OutboxList.HiddenLink} untuk perkembangannya.",
            ], await BodiesSeenByAsync(role));
        }
    }

    [Fact]
    public async Task Finance_and_staff_see_them_whole()
    {
        Assert.Equal([Reminder, TicketUpdate], await BodiesSeenByAsync(Roles.Finance));
        Assert.Equal([Reminder, TicketUpdate], await BodiesSeenByAsync(Roles.Staff));
    }
}
