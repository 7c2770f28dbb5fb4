using Microsoft.EntityFrameworkCore;
using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>A customer and a "GANGGUAN" category (high priority, keywords mati/los/putus) for ticket tests on a reset database.</summary>
public static class TicketTestData
{
    public const string CustomerCode = "KCB-CKP010825-001";

    public static async Task SeedAsync(DatabaseFixture database, TimeProvider clock, params TicketCategory[] moreCategories)
    {
        var now = clock.GetUtcNow();
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = now };
        var package = new ServicePackage { Code = "HOME-10", Name = "Rumahan 10", MikrotikProfile = "10M", DownloadMbps = 10, UploadMbps = 10, MonthlyPrice = 150_000m, CreatedAt = now };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        db.Customers.Add(new Customer(CustomerCode, "Budi Santoso", "+6281234567890", location.Id, package.Id, now));
        db.TicketCategories.Add(new TicketCategory
        {
            Code = "GANGGUAN", Name = "Gangguan", Keywords = ["mati", "los", "putus", "tidak bisa internet"], DefaultPriority = TicketPriority.High,
            EscalationRoleLevel1 = "NOC", EscalationRoleLevel2 = "Manager", EscalationRoleLevel3 = "Admin", CreatedAt = now,
        });
        db.TicketCategories.AddRange(moreCategories);
        await db.SaveChangesAsync();
    }

    /// <summary>A user with <paramref name="role"/> (roles must exist: <see cref="CoreServices.EnsureRolesAsync"/>).</summary>
    public static async Task<PortalUser> AddUserAsync(IServiceProvider services, string userName, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser(userName, "Petugas " + userName, null, "Rahasia#2025", [role]));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    /// <summary>Runs <paramref name="use"/> with a use case from a fresh scope, as one request would.</summary>
    public static async Task<TResult> UseAsync<TService, TResult>(this IServiceProvider services, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Opens a ticket through <see cref="OpenTicket"/> and asserts it opened.</summary>
    public static async Task<OpenedTicket> OpenAsync(this IServiceProvider services, TicketInput input)
    {
        var outcome = await services.UseAsync<OpenTicket, Outcome<OpenedTicket>>(open => open.ExecuteAsync(input));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    /// <summary>The version an agent's screen would hold now.</summary>
    public static async Task<uint> TicketVersionAsync(this IServiceProvider services, int id) =>
        (await services.UseAsync<TicketDetail, TicketView?>(d => d.FindAsync(id)))!.Version;

    /// <summary>An agent's lifecycle action through <see cref="ChangeTicketStatus"/>, with the current version unless told.</summary>
    public static async Task<Outcome<TicketChanged>> ChangeStatusAsync(this IServiceProvider services, int id, TicketAction action, string? note = null, uint? version = null)
    {
        var seen = version ?? await services.TicketVersionAsync(id);
        return await services.UseAsync<ChangeTicketStatus, Outcome<TicketChanged>>(c => c.ExecuteAsync(new TicketStatusChange(id, seen, action, note)));
    }

    /// <summary>Assigns through <see cref="AssignTicket"/> and asserts it worked.</summary>
    public static async Task AssignAsync(this IServiceProvider services, int id, string userName)
    {
        var assigned = await services.UseAsync<AssignTicket, Outcome<Ticket>>(a => a.ExecuteAsync(id, userName));
        Assert.True(assigned.Succeeded, assigned.FirstError);
    }

    /// <summary>A demo customer with no unfinished ticket and a phone no other customer shares: their next WhatsApp opens a ticket.</summary>
    public static async Task<(int Id, string Phone)> CustomerWithoutOpenTicketAsync(DatabaseFixture database, int skip = 0)
    {
        await using var db = database.CreateDbContext();
        var customer = await db.Customers
            .Where(c => !db.Tickets.Any(t => t.CustomerId == c.Id && !Ticket.Done.Contains(t.Status)))
            .Where(c => !db.Customers.Any(o => o.Phone == c.Phone && o.Id != c.Id))
            .OrderByDescending(c => c.Id).Skip(skip).Select(c => new { c.Id, c.Phone }).FirstAsync();
        return (customer.Id, customer.Phone);
    }
}
