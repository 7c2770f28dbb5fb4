using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.SelfService;
using IspPortal.Core.SelfService.Staff;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.SelfService;

/// <summary>
/// The staff side of the customer portal: sending a customer the portal link (once per click, not
/// twice for a double click) and the customer's portal activity on the customer page.
/// </summary>
public sealed class PortalStaffTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;
    private PortalUser _staff = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
        await CoreServices.EnsureRolesAsync(_data.Services);
        var created = await _data.InScopeAsync(sp => sp.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser("sari", "Sari Layanan", null, "Rahasia#2025", [Roles.Staff])));
        Assert.True(created.Succeeded, created.FirstError);
        _staff = created.Value!;
        ActAs(Roles.Staff);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task The_portal_link_is_queued_on_WhatsApp_and_email_with_the_customer_and_a_link_to_the_portal()
    {
        var customer = await CustomerWithEmailAsync("budi@example.com");

        var sent = await SendAsync(customer.Code);

        Assert.True(sent.Succeeded, sent.FirstError);
        Assert.Equal([customer.Phone, "budi@example.com"], sent.Value!.Recipients);
        Assert.False(sent.Value.AlreadySent);
        await using var db = database.CreateDbContext();
        var messages = await db.OutboxMessages.Where(m => m.CustomerId == customer.Id).OrderBy(m => m.Channel).ToListAsync();
        Assert.Equal([(NotificationChannel.WhatsApp, customer.Phone), (NotificationChannel.Email, "budi@example.com")],
            messages.Select(m => (m.Channel, m.Recipient)).OrderBy(m => m.Channel == NotificationChannel.Email));
        Assert.All(messages, m => Assert.Equal(NotificationEvents.PortalLink.Key, m.Template));
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(messages[0].Parameters)!;
        var link = _data.Services.GetRequiredService<PortalAddress>().Link("/pelanggan");
        Assert.Equal((customer.FullName, customer.Code, link), (parameters["nama"], parameters["kode_pelanggan"], parameters["link_portal"]));
        Assert.EndsWith("/pelanggan", parameters["link_portal"], StringComparison.Ordinal);
        var activity = await db.SelfServiceActivities.SingleAsync(a => a.CustomerId == customer.Id);
        Assert.Equal((SelfServiceAction.PortalLinkSent, _staff.Id), (activity.Action, activity.ByUserId));
    }

    [Fact]
    public async Task A_second_send_within_the_same_minute_adds_nothing_but_a_minute_later_sends_again()
    {
        var customer = await _data.CustomerAsync("Citra");

        var first = await SendAsync(customer.Code);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var doubleClick = await SendAsync(customer.Code);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal((true, false, true), (first.Succeeded, first.Value!.AlreadySent, doubleClick.Value!.AlreadySent));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.CustomerId == customer.Id));
            Assert.Equal(1, await db.SelfServiceActivities.CountAsync(a => a.CustomerId == customer.Id));
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var later = await SendAsync(customer.Code);

        await using var after = database.CreateDbContext();
        Assert.False(later.Value!.AlreadySent);
        Assert.Equal(2, await after.OutboxMessages.CountAsync(m => m.CustomerId == customer.Id && m.Template == NotificationEvents.PortalLink.Key));
        Assert.Equal(2, await after.SelfServiceActivities.CountAsync(a => a.CustomerId == customer.Id && a.Action == SelfServiceAction.PortalLinkSent));
    }

    [Fact]
    public async Task A_role_without_customers_write_is_refused_and_nothing_is_queued()
    {
        var customer = await _data.CustomerAsync();
        ActAs(Roles.Technician);

        var sent = await SendAsync(customer.Code);

        Assert.False(sent.Succeeded);
        Assert.Equal(Actor.NotPermitted, sent.FirstError);
        await using var db = database.CreateDbContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.CustomerId == customer.Id));
        Assert.False(await db.SelfServiceActivities.AnyAsync(a => a.CustomerId == customer.Id));
    }

    [Fact]
    public async Task An_unknown_or_terminated_customer_is_refused()
    {
        var customer = await _data.CustomerAsync();
        await using (var db = database.CreateDbContext())
        {
            var stored = await db.Customers.SingleAsync(c => c.Id == customer.Id);
            stored.ChangeStatus(CustomerStatus.Terminated, StatusChangeSource.System, null, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var unknown = await SendAsync("KCB-TIDAKADA-999");
        var terminated = await SendAsync(customer.Code);

        Assert.Equal("Pelanggan KCB-TIDAKADA-999 tidak ditemukan.", unknown.FirstError);
        Assert.Equal("Pelanggan sudah berhenti berlangganan.", terminated.FirstError);
        await using var after = database.CreateDbContext();
        Assert.False(await after.OutboxMessages.AnyAsync(m => m.CustomerId == customer.Id));
    }

    [Fact]
    public async Task The_activity_list_shows_the_sign_in_and_the_link_sent_by_the_staff_member_newest_first()
    {
        var customer = await _data.CustomerAsync("Dewi");
        await using (var db = database.CreateDbContext())
        {
            db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.SignedIn, "Kode WhatsApp", "203.0.113.7", _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await SendAsync(customer.Code)).Succeeded);
        ActAs(Roles.Technician);

        var listed = await _data.InScopeAsync(sp => sp.GetRequiredService<PortalActivityList>().ExecuteAsync(customer.Code));

        Assert.True(listed.Succeeded, listed.FirstError);
        Assert.Equal(
            [(SelfServiceAction.PortalLinkSent, customer.Phone, null, "Sari Layanan"), (SelfServiceAction.SignedIn, "Kode WhatsApp", "203.0.113.7", null)],
            listed.Value!.Select(a => (a.Action, a.Detail, a.Address, a.StaffName)));
        Assert.Equal(_clock.GetUtcNow(), listed.Value![0].At);
    }

    [Fact]
    public async Task The_activity_list_needs_customers_read_and_a_known_customer()
    {
        ActAs();
        var refused = await _data.InScopeAsync(sp => sp.GetRequiredService<PortalActivityList>().ExecuteAsync("KCB-TIDAKADA-999"));
        ActAs(Roles.Manager);
        var unknown = await _data.InScopeAsync(sp => sp.GetRequiredService<PortalActivityList>().ExecuteAsync("KCB-TIDAKADA-999"));

        Assert.Equal(Actor.NotPermitted, refused.FirstError);
        Assert.Equal("Pelanggan KCB-TIDAKADA-999 tidak ditemukan.", unknown.FirstError);
    }

    private Task<Outcome<PortalLinkSent>> SendAsync(string code) =>
        _data.InScopeAsync(sp => sp.GetRequiredService<SendPortalLink>().ExecuteAsync(code));

    private void ActAs(params string[] roles) =>
        _data.Services.GetRequiredService<TestActor>().Current = Actor.For(_staff.Id, "sari", roles);

    private async Task<Customer> CustomerWithEmailAsync(string email)
    {
        var customer = await _data.CustomerAsync("Budi");
        await using var db = database.CreateDbContext();
        var stored = await db.Customers.SingleAsync(c => c.Id == customer.Id);
        stored.Email = email;
        await db.SaveChangesAsync();
        return stored;
    }
}
