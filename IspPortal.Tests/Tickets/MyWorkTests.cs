using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>"Pekerjaan saya": my open tickets most urgent first, and installations that are mine or nobody's.</summary>
public sealed class MyWorkTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    protected override TicketCategory[] MoreCategories =>
        [new TicketCategory { Code = "TAGIHAN", Name = "Tagihan", Keywords = ["tagihan"], DefaultPriority = TicketPriority.Low, SortOrder = 1, CreatedAt = Clock.GetUtcNow() }];

    [Fact]
    public async Task My_open_tickets_come_most_urgent_first_with_my_and_unassigned_installations()
    {
        var me = await TicketTestData.AddUserAsync(Services, "teknisi1", Roles.Technician);
        var other = await TicketTestData.AddUserAsync(Services, "teknisi2", Roles.Technician);
        var billing = await OpenForAsync("Tagihan dobel", "teknisi1");          // low: first response in 480 business minutes
        var noSla = await OpenForAsync("Tanya jadwal kunjungan", "teknisi1");   // no category, no deadline
        var resolved = await OpenForAsync("Kabel putus", "teknisi1");
        var outage = await OpenForAsync("Internet mati", "teknisi1");           // high: first response in 60
        var closed = await OpenForAsync("Lampu LOS", "teknisi1");
        await OpenForAsync("Internet mati lagi", "teknisi2");
        Assert.True((await Services.ChangeStatusAsync(resolved, TicketAction.Resolve, "Disambung")).Succeeded);
        Assert.True((await Services.ChangeStatusAsync(closed, TicketAction.Resolve, "Normal")).Succeeded);
        Assert.True((await Services.ChangeStatusAsync(closed, TicketAction.Close)).Succeeded);
        await SeedInstallationsAsync(("KCB-CKP110825-101", me.Id), ("KCB-CKP110825-102", other.Id), ("KCB-CKP110825-103", null));
        Services.GetRequiredService<TestActor>().Current = new Actor(me.Id, me.UserName!);

        var work = await Services.UseAsync<MyWork, MyWorkView>(w => w.LoadAsync(withInstallations: true));
        var withoutInstallations = await Services.UseAsync<MyWork, MyWorkView>(w => w.LoadAsync(withInstallations: false));

        Assert.Equal([outage, billing, noSla, resolved], work.Tickets.Select(t => t.Id));
        Assert.Equal([TicketAction.StartWork, TicketAction.WaitForCustomer, TicketAction.Resolve, TicketAction.Cancel], work.Tickets[0].Actions);
        Assert.Equal(("Internet mati", TicketTestData.CustomerCode, "Budi Santoso"), (work.Tickets[0].Subject, work.Tickets[0].CustomerCode, work.Tickets[0].CustomerName));
        Assert.Equal(["KCB-CKP110825-101", "KCB-CKP110825-103"], work.Installations.Select(i => i.Code).Order());
        Assert.Empty(withoutInstallations.Installations);
        Assert.Equal(4, withoutInstallations.Tickets.Count);
    }

    private async Task<int> OpenForAsync(string subject, string assignee)
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, subject, "", TicketChannel.Phone));
        await Services.AssignAsync(opened.Id, assignee);
        return opened.Id;
    }

    private async Task SeedInstallationsAsync(params (string Code, Guid? Technician)[] orders)
    {
        var now = Clock.GetUtcNow();
        await using var db = Database.CreateDbContext();
        var template = await db.Customers.SingleAsync(c => c.Code == TicketTestData.CustomerCode);
        var router = new Router("CKP", "Router Cikampek", template.LocationCodeId, "127.0.0.1", 8728, "admin", "not-used", now) { IsolationProfile = "isolir" };
        db.Routers.Add(router);
        await db.SaveChangesAsync();
        foreach (var (code, technician) in orders)
        {
            var customer = new Customer(code, "Calon " + code[^3..], "+6281200000" + code[^3..], template.LocationCodeId, template.ServicePackageId, now);
            customer.AssignRouter(router.Id);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            db.CustomerRegistrations.Add(new CustomerRegistration(customer.Id, template.ServicePackageId, router.Id, null, null, now) { TechnicianId = technician });
        }
        await db.SaveChangesAsync();
    }
}
