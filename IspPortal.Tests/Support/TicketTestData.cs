using Microsoft.EntityFrameworkCore;
using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Tickets;

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

    /// <summary>A demo customer with no unfinished ticket and a phone no other customer shares: their next WhatsApp opens a ticket.</summary>
    public static async Task<(int Id, string Phone)> CustomerWithoutOpenTicketAsync(DatabaseFixture database, int skip = 0)
    {
        await using var db = database.CreateDbContext();
        TicketStatus[] done = [TicketStatus.Verified, TicketStatus.Closed, TicketStatus.Cancelled];
        var customer = await db.Customers
            .Where(c => !db.Tickets.Any(t => t.CustomerId == c.Id && !done.Contains(t.Status)))
            .Where(c => !db.Customers.Any(o => o.Phone == c.Phone && o.Id != c.Id))
            .OrderByDescending(c => c.Id).Skip(skip).Select(c => new { c.Id, c.Phone }).FirstAsync();
        return (customer.Id, customer.Phone);
    }
}
