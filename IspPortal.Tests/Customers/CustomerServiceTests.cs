using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Customers.Service;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

/// <summary>The actions on a customer's page, against the simulated routers.</summary>
public sealed class CustomerServiceTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>, IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
            await scope.DisposeAsync();
    }

    [Fact]
    public async Task A_password_reset_changes_every_copy_on_the_router_drops_the_session_and_queues_a_notice()
    {
        var (code, username, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 2);
        var sessionBefore = portal.Simulator("CKP").Router.Sessions.Single(s => s.Name == username).Id;

        var reset = (await Run<ResetPppoePassword>().ExecuteAsync(code)).Value!;

        Assert.True(reset.AppliedOnRouter, reset.Message);
        Assert.Equal(reset.Password, portal.Simulator("CKP").Router.Secrets.Single(s => s.Name == username).Password);
        Assert.DoesNotContain(portal.Simulator("CKP").Router.Sessions, s => s.Id == sessionBefore);
        await using var db = portal.Database.CreateDbContext();
        var notice = await db.OutboxMessages.SingleAsync(m => m.Template == ResetPppoePassword.NoticeTemplate && m.Recipient == db.Customers.Single(c => c.Code == code).Phone);
        Assert.DoesNotContain(reset.Password, notice.Parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_change_moves_the_secret_to_the_new_profile_and_an_isolated_customer_keeps_isolir_until_activated()
    {
        var (active, activeUser, _) = await portal.ActiveCustomerAsync("KTB", ConnectionState.Online, skip: 1);
        await using var db = portal.Database.CreateDbContext();
        var business = await db.ServicePackages.SingleAsync(p => p.Code == "BIZ-100");
        var isolated = await db.Customers.Where(c => c.Status == CustomerStatus.Isolated && c.Router!.Code == "KTB").OrderBy(c => c.Id).FirstAsync();
        var isolatedUser = await db.PppoeSecrets.Where(s => s.CustomerId == isolated.Id && !s.IsReplica).Select(s => s.Username).SingleAsync();
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(await portal.RouterIdAsync("KTB"));

        var changed = await Run<ChangeCustomerPackage>().ExecuteAsync(active, business.Id);
        var whileIsolated = await Run<ChangeCustomerPackage>().ExecuteAsync(isolated.Code, business.Id);
        var same = await Run<ChangeCustomerPackage>().ExecuteAsync(active, business.Id);

        Assert.True(changed.Succeeded, changed.FirstError);
        Assert.Equal("bisnis-100M", portal.Simulator("KTB").Router.Secrets.Single(s => s.Name == activeUser).Profile);
        Assert.True(whileIsolated.Succeeded, whileIsolated.FirstError);
        Assert.Equal("isolir", portal.Simulator("KTB").Router.Secrets.Single(s => s.Name == isolatedUser).Profile);
        Assert.Contains("sudah memakai paket", same.FirstError, StringComparison.Ordinal);

        var activated = await Run<IspPortal.Core.Network.Isolation.CustomerIsolation>().ActivateAsync(isolated.Code, "Lunas", StatusChangeSource.User);
        Assert.True(activated.Value!.AppliedOnRouter);
        Assert.Equal("bisnis-100M", portal.Simulator("KTB").Router.Secrets.Single(s => s.Name == isolatedUser).Profile);
    }

    [Fact]
    public async Task Terminating_removes_the_secret_from_the_router_and_an_unreachable_router_loses_it_at_the_next_sync()
    {
        var (reachable, reachableUser, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 3);
        var (unreachable, unreachableUser, _) = await portal.ActiveCustomerAsync("KRW", ConnectionState.Online, skip: 1);

        var done = await Run<TerminateCustomer>().ExecuteAsync(reachable, "Pindah rumah");
        var realPort = await portal.MoveRouterAsync("KRW", FreePorts.Consecutive(1));
        IspPortal.Core.Common.Outcome<string> waiting;
        try
        {
            waiting = await Run<TerminateCustomer>().ExecuteAsync(unreachable, "Pindah rumah");
        }
        finally
        {
            await portal.MoveRouterAsync("KRW", realPort);
        }
        var stillThere = portal.Simulator("KRW").Router.Secrets.Any(s => s.Name == unreachableUser);
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(await portal.RouterIdAsync("KRW"));

        Assert.Contains("dihapus dari router", done.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Simulator("CKP").Router.Secrets, s => s.Name == reachableUser);
        Assert.DoesNotContain(portal.Simulator("CKP").Router.Sessions, s => s.Name == reachableUser);
        Assert.Contains("sinkronisasi berikutnya", waiting.Value, StringComparison.Ordinal);
        Assert.True(stillThere);
        Assert.DoesNotContain(portal.Simulator("KRW").Router.Secrets, s => s.Name == unreachableUser);
        await using var db = portal.Database.CreateDbContext();
        foreach (var code in new[] { reachable, unreachable })
        {
            var customer = await db.Customers.SingleAsync(c => c.Code == code);
            Assert.Equal(CustomerStatus.Terminated, customer.Status);
            Assert.Equal(PppoeSecretStatus.Removed, (await db.PppoeSecrets.SingleAsync(s => s.CustomerId == customer.Id)).Status);
        }
        Assert.Contains("sudah berhenti", (await Run<TerminateCustomer>().ExecuteAsync(reachable, "lagi")).FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kick_drops_the_live_session_and_says_when_nobody_was_online()
    {
        var (online, user, _) = await portal.ActiveCustomerAsync("KTB", ConnectionState.Online, skip: 4);
        var (offline, _, _) = await portal.ActiveCustomerAsync("KTB", ConnectionState.Offline);

        var kicked = await Run<KickCustomer>().ExecuteAsync(online);
        var nobody = await Run<KickCustomer>().ExecuteAsync(offline);

        Assert.Contains("diputus", kicked.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Simulator("KTB").Router.Sessions, s => s.Name == user);
        Assert.Contains("tidak online", nobody.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_uses_the_wizard_rules_and_a_moved_pin_is_kept_in_the_history()
    {
        var (code, _, _) = await portal.ActiveCustomerAsync("CKP", ConnectionState.Online, skip: 5);
        var update = Run<UpdateCustomerProfile>();
        var (input, ktp, house) = (await update.ForEditAsync(code))!.Value;
        var withNik = input with { Nik = "3201010509900001", Phone = "0857 2222 3333", Latitude = -6.42, Longitude = 107.46 };

        var refused = await update.ExecuteAsync(code, withNik with { Nik = "123" }, ktp, house);
        var saved = await update.ExecuteAsync(code, withNik, ktp, house, "Salah titik saat PSB");

        Assert.Contains("16 digit", refused.Errors["Nik"][0], StringComparison.Ordinal);
        Assert.True(saved.Succeeded, saved.FirstError);
        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Code == code);
        Assert.Equal(("+6285722223333", new DateOnly(1990, 9, 5)), (customer.Phone, customer.BirthDate));
        var move = await db.CustomerLocationHistory.Where(h => h.CustomerId == customer.Id).OrderByDescending(h => h.Id).FirstAsync();
        Assert.Equal((-6.42, 107.46, "Salah titik saat PSB"), (move.Latitude, move.Longitude, move.Reason));
        var found = await Run<CustomerList>().PageAsync(new IspPortal.Core.Common.PageRequest(Search: "3201010509900001"), new CustomerFilter());
        Assert.Equal(code, Assert.Single(found.Items).Code);
        var audit = await db.AuditLogs.Where(a => a.Entity == "customers" && a.EntityKey == customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && a.Action == IspPortal.Core.Identity.AuditAction.Update).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("+6285722223333", audit.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("3201010509900001", audit.Changes, StringComparison.Ordinal);
    }

    private T Run<T>() where T : notnull
    {
        var scope = portal.Services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }
}
