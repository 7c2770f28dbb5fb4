using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Core.Network.Sync;
using IspPortal.Core.SelfService;
using IspPortal.Core.SelfService.Package;
using IspPortal.Core.SelfService.SignIn;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.SelfService;

/// <summary>
/// A customer asks for another package on the demo with its simulated routers: a ticket for staff
/// while self-service changes are off; with them on, a change the invoice run bills from next month
/// and the job applies on that month's first day, once. Cancelling, refusals, another customer's
/// token and staff's cancel.
/// </summary>
public sealed class PortalPackageChangeTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>, IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
            await scope.DisposeAsync();
    }

    [Fact]
    public async Task With_self_service_off_a_request_opens_one_UPGRADE_ticket_and_a_second_is_refused_with_its_number()
    {
        await SelfServiceChangesAsync(on: false);
        var (code, _, _) = await portal.ActiveCustomerAsync("CKP", Core.Customers.ConnectionState.Online, skip: 5);
        var (customerId, token) = await SessionAsync(code);
        using var client = SelfServicePortal.ClientFor(portal, token);
        var wanted = await OtherPackageAsync(customerId);

        using var first = await client.PostAsJsonAsync("api/portal/package-change", new { packageId = wanted.Id });
        using var second = await client.PostAsJsonAsync("api/portal/package-change", new { packageId = wanted.Id });
        var listed = await client.GetFromJsonAsync<JsonElement>("api/portal/packages");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ticket", created.GetProperty("kind").GetString());
        var number = created.GetProperty("ticketNumber").GetString()!;
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (second.StatusCode, second.Content.Headers.ContentType?.MediaType));
        Assert.Contains(number, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(number, listed.GetProperty("openRequestTicket").GetString());
        Assert.False(listed.GetProperty("selfServiceChanges").GetBoolean());
        Assert.Contains(listed.GetProperty("packages").EnumerateArray(), p => p.GetProperty("current").GetBoolean() && p.GetProperty("id").GetInt32() != wanted.Id);
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Category).SingleAsync(t => t.Number == number);
        Assert.Equal(("UPGRADE", TicketChannel.CustomerPortal, customerId), (ticket.Category?.Code, ticket.Channel, ticket.CustomerId));
        Assert.StartsWith("Permintaan ganti paket: ", ticket.Subject, StringComparison.Ordinal);
        Assert.EndsWith($"→ {wanted.Name}", ticket.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.CustomerId == customerId && t.Subject.StartsWith("Permintaan ganti paket")));
        Assert.Null((await db.Customers.SingleAsync(c => c.Id == customerId)).PendingPackageFrom);
        Assert.True(await db.SelfServiceActivities.AnyAsync(a => a.CustomerId == customerId && a.Action == SelfServiceAction.PackageChangeRequested && a.Detail!.Contains(number)));
    }

    [Fact]
    public async Task With_self_service_on_next_month_is_billed_at_the_new_price_and_the_first_day_applies_it_on_the_router_once()
    {
        await SelfServiceChangesAsync(on: true);
        var (code, username, oldProfile) = await portal.ActiveCustomerAsync("KTB", Core.Customers.ConnectionState.Online, skip: 6);
        var (customerId, _) = await SessionAsync(code);
        var oldPackageId = await PackageIdOfAsync(customerId);
        var wanted = await OtherPackageAsync(customerId);
        var today = await Run<IspClock>().TodayAsync();
        var thisMonth = Invoice.FirstDayOf(today);
        var nextMonth = thisMonth.AddMonths(1);
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SyncRouter>().ExecuteAsync(await portal.RouterIdAsync("KTB"));

        var requested = await Run<RequestPackageChange>().ExecuteAsync(await CallerAsync(code), wanted.Id);
        Assert.True(requested.Succeeded, requested.FirstError);
        Assert.Equal((PackageChangeKind.Scheduled, (DateOnly?)nextMonth), (requested.Value!.Kind, requested.Value.From));
        var view = await Run<CustomerPackages>().LoadAsync(await CallerAsync(code));
        Assert.Equal((wanted.Id, nextMonth), (view.Pending!.PackageId, view.Pending.From));
        Assert.Equal(oldPackageId, Assert.Single(view.Packages, p => p.Current).Id);

        Assert.True((await Run<GenerateInvoices>().ExecuteAsync(thisMonth, BillingRunTrigger.Manual)).Succeeded);
        var plan = (await Run<InvoiceRunPreview>().ForAsync(nextMonth)).Value!;
        var run = (await Run<GenerateInvoices>().ExecuteAsync(nextMonth, BillingRunTrigger.Manual)).Value!;
        await using (var db = portal.Database.CreateDbContext())
        {
            var billed = await db.Invoices.Where(i => i.Period == nextMonth).SumAsync(i => i.Total);
            Assert.Equal((plan.ToCreate, plan.Total), (run.Created, billed));
            var next = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.CustomerId == customerId && i.Period == nextMonth);
            var line = Assert.Single(next.Lines, l => l.ServicePackageId != null);
            Assert.Equal((wanted.Id, wanted.MonthlyPrice, InvoiceLineKind.Subscription), (line.ServicePackageId, line.UnitPrice, line.Kind));
            var current = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.CustomerId == customerId && i.Period == thisMonth);
            Assert.Equal(oldPackageId, Assert.Single(current.Lines, l => l.ServicePackageId != null).ServicePackageId);
        }
        Assert.Contains("tidak bisa diubah", (await Run<CancelPackageChange>().ForCustomerAsync(await CallerAsync(code))).FirstError, StringComparison.Ordinal);

        var zone = await Run<IspClock>().ZoneAsync();
        var lastEvening = ApplyAt(IspClock.StartOfDay(nextMonth, zone).AddHours(-1));
        var firstMorning = ApplyAt(IspClock.StartOfDay(nextMonth, zone).AddMinutes(5));
        var early = await lastEvening.ExecuteAsync();
        Assert.Equal(oldProfile, portal.Simulator("KTB").Router.Secrets.Single(s => s.Name == username).Profile);
        var applied = await firstMorning.ExecuteAsync();
        var again = await firstMorning.ExecuteAsync();

        Assert.DoesNotContain(code, early!);
        Assert.Contains(code, applied!);
        Assert.Empty(again!);
        Assert.Equal(wanted.MikrotikProfile, portal.Simulator("KTB").Router.Secrets.Single(s => s.Name == username).Profile);
        await using (var db = portal.Database.CreateDbContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            Assert.Equal((wanted.Id, (int?)null, (DateOnly?)null), (customer.ServicePackageId, customer.PendingServicePackageId, customer.PendingPackageFrom));
        }
    }

    [Fact]
    public async Task A_customer_cancels_a_pending_change_that_another_customers_token_neither_sees_nor_cancels()
    {
        await SelfServiceChangesAsync(on: true);
        var (code, _, _) = await portal.ActiveCustomerAsync("CKP", Core.Customers.ConnectionState.Online, skip: 7);
        var (other, _, _) = await portal.ActiveCustomerAsync("CKP", Core.Customers.ConnectionState.Online, skip: 8);
        var (customerId, token) = await SessionAsync(code);
        var (_, otherToken) = await SessionAsync(other);
        using var client = SelfServicePortal.ClientFor(portal, token);
        using var stranger = SelfServicePortal.ClientFor(portal, otherToken);
        var wanted = await OtherPackageAsync(customerId);

        using var scheduled = await client.PostAsJsonAsync("api/portal/package-change", new { packageId = wanted.Id });
        var seenByStranger = await stranger.GetFromJsonAsync<JsonElement>("api/portal/packages");
        using var strangerCancel = await stranger.DeleteAsync("api/portal/package-change");
        var stillPending = await client.GetFromJsonAsync<JsonElement>("api/portal/packages");
        using var cancelled = await client.DeleteAsync("api/portal/package-change");
        using var cancelledAgain = await client.DeleteAsync("api/portal/package-change");

        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.Equal("scheduled", (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, seenByStranger.GetProperty("pendingChange").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, strangerCancel.StatusCode);
        Assert.Equal(wanted.Id, stillPending.GetProperty("pendingChange").GetProperty("packageId").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancelledAgain.StatusCode);
        await using var db = portal.Database.CreateDbContext();
        Assert.Null((await db.Customers.SingleAsync(c => c.Id == customerId)).PendingServicePackageId);
        Assert.Equal(2, await db.SelfServiceActivities.CountAsync(a => a.CustomerId == customerId && a.Action == SelfServiceAction.PackageChangeRequested));
    }

    [Fact]
    public async Task Refusals_name_the_package_or_say_why_the_customer_cannot_change()
    {
        await SelfServiceChangesAsync(on: true);
        var (code, _, _) = await portal.ActiveCustomerAsync("CKP", Core.Customers.ConnectionState.Online, skip: 9);
        var (customerId, token) = await SessionAsync(code);
        using var client = SelfServicePortal.ClientFor(portal, token);
        int withdrawn;
        await using (var db = portal.Database.CreateDbContext())
        {
            var package = new ServicePackage { Code = "LAMA-5", Name = "Lama 5 Mbps", DownloadMbps = 5, UploadMbps = 5, MikrotikProfile = "lama-5M", MonthlyPrice = 90_000m, IsActive = false, CreatedAt = DateTimeOffset.UtcNow };
            db.ServicePackages.Add(package);
            await db.SaveChangesAsync();
            withdrawn = package.Id;
        }

        using var same = await client.PostAsJsonAsync("api/portal/package-change", new { packageId = await PackageIdOfAsync(customerId) });
        using var unknown = await client.PostAsJsonAsync("api/portal/package-change", new { packageId = 987_654 });
        using var inactive = await client.PostAsJsonAsync("api/portal/package-change", new { packageId = withdrawn });
        using var missing = await client.PostAsJsonAsync("api/portal/package-change", new { });
        var listed = await client.GetFromJsonAsync<JsonElement>("api/portal/packages");

        foreach (var refused in new[] { same, unknown, inactive, missing })
        {
            Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType));
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("packageId", out _));
        }
        Assert.DoesNotContain(listed.GetProperty("packages").EnumerateArray(), p => p.GetProperty("id").GetInt32() == withdrawn);

        var caller = await CallerAsync(code);
        await using (var db = portal.Database.CreateDbContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            db.CustomerStatusLogs.Add(customer.ChangeStatus(CustomerStatus.Terminated, StatusChangeSource.User, "Pindah", DateTimeOffset.UtcNow)!);
            await db.SaveChangesAsync();
        }
        var terminated = await Run<RequestPackageChange>().ExecuteAsync(caller, await OtherPackageIdAsync(customerId));
        Assert.Equal("Langganan Anda sudah berhenti; paket tidak bisa diganti.", Assert.Single(terminated.Errors[""]));

        var pendingCode = await PendingProvisioningCustomerAsync();
        var pendingId = await CustomerIdAsync(pendingCode);
        var notInstalled = await Run<RequestPackageChange>().ExecuteAsync(await CallerAsync(pendingCode), await OtherPackageIdAsync(pendingId));
        Assert.Contains("belum terpasang", Assert.Single(notInstalled.Errors[""]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_scheduled_change_and_cancel_it_with_customers_write_but_a_technician_cannot()
    {
        await SelfServiceChangesAsync(on: true);
        var (code, _, _) = await portal.ActiveCustomerAsync("CKP", Core.Customers.ConnectionState.Online, skip: 10);
        var customerId = await CustomerIdAsync(code);
        var wanted = await OtherPackageAsync(customerId);
        Assert.True((await Run<RequestPackageChange>().ExecuteAsync(await CallerAsync(code), wanted.Id)).Succeeded);
        var staffName = await portal.EnsureUserAsync(Roles.Staff);

        var seen = await Run<ScheduledPackageChanges>().ForCustomerAsync(code);
        var byTechnician = await CancelAsAsync(code, Actor.For(Guid.NewGuid(), "teknisi", [Roles.Technician]));
        var staff = await FindUserAsync(staffName);
        var byStaff = await CancelAsAsync(code, Actor.For(staff.Id, staffName, [Roles.Staff]));

        Assert.Equal(wanted.Name, seen!.PackageName);
        Assert.False(byTechnician.Succeeded);
        Assert.True(byStaff.Succeeded, byStaff.FirstError);
        Assert.Null(await Run<ScheduledPackageChanges>().ForCustomerAsync(code));
        await using var db = portal.Database.CreateDbContext();
        Assert.True(await db.SelfServiceActivities.AnyAsync(a => a.CustomerId == customerId && a.ByUserId == staff.Id && a.Action == SelfServiceAction.PackageChangeRequested));
    }

    private async Task<Outcome<string>> CancelAsAsync(string code, Actor actor)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CarriedActor>().Actor = actor;
        return await scope.ServiceProvider.GetRequiredService<CancelPackageChange>().ByStaffAsync(code);
    }

    private async Task<PortalUser> FindUserAsync(string userName)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!;
    }

    /// <summary>The job as it runs at <paramref name="at"/>: the ISP's day is what decides.</summary>
    private ApplyPackageChanges ApplyAt(DateTimeOffset at)
    {
        var clock = new ManualTimeProvider(at);
        var scope = portal.Services.CreateAsyncScope();
        _scopes.Add(scope);
        var ispClock = new IspClock(scope.ServiceProvider.GetRequiredService<PortalSettings>(), clock);
        return ActivatorUtilities.CreateInstance<ApplyPackageChanges>(scope.ServiceProvider, ispClock, (TimeProvider)clock);
    }

    private async Task SelfServiceChangesAsync(bool on)
    {
        var settings = Run<PortalSettings>();
        var saved = await settings.SaveAsync(await settings.GetAsync<BillingSettings>() with { CustomersChangePackage = on }, Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }

    /// <summary>A session as signing in leaves it (the sign-in itself is tested in <see cref="SelfServiceApiTests"/>).</summary>
    private async Task<(int CustomerId, string Token)> SessionAsync(string code)
    {
        var token = SelfServiceSession.NewToken();
        await using var db = portal.Database.CreateDbContext();
        var customerId = await db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        db.SelfServiceSessions.Add(new SelfServiceSession(customerId, SessionChannel.Api, true, SelfServiceSession.HashOf(token), "test", null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return (customerId, token);
    }

    private async Task<SelfServiceCaller> CallerAsync(string code)
    {
        var (_, token) = await SessionAsync(code);
        return (await Run<CustomerSessions>().AuthenticateAsync(token))!;
    }

    private async Task<ServicePackage> OtherPackageAsync(int customerId)
    {
        var current = await PackageIdOfAsync(customerId);
        await using var db = portal.Database.CreateDbContext();
        return await db.ServicePackages.Where(p => p.IsActive && p.Id != current).OrderByDescending(p => p.MonthlyPrice).FirstAsync();
    }

    private async Task<int> OtherPackageIdAsync(int customerId) => (await OtherPackageAsync(customerId)).Id;

    private async Task<int> PackageIdOfAsync(int customerId)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.ServicePackageId).SingleAsync();
    }

    private async Task<int> CustomerIdAsync(string code)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    private async Task<string> PendingProvisioningCustomerAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Customers.Where(c => c.Status == CustomerStatus.PendingProvisioning).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
    }

    private T Run<T>() where T : notnull
    {
        var scope = portal.Services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }
}
