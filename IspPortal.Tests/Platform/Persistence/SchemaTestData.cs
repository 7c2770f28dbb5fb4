using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Infrastructure.Persistence;

namespace IspPortal.Tests.Platform.Persistence;

/// <summary>The smallest valid rows the persistence tests build on.</summary>
internal static class SchemaTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 8, 30, 0, TimeSpan.Zero);

    public static async Task<(LocationCode Location, ServicePackage Package, Router Router)> AddNetworkAsync(IspDbContext db, string routerCode = "CKP", string locationCode = "KCB")
    {
        var location = new LocationCode { Code = locationCode, Name = "Karawang Cikampek", CreatedAt = Now };
        var package = new ServicePackage
        {
            Code = $"HOME-{routerCode}", Name = "Home 20", DownloadMbps = 20, UploadMbps = 10,
            MikrotikProfile = "home-20", MonthlyPrice = 150_000m, CreatedAt = Now,
        };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        var router = new Router(routerCode, $"Router {routerCode}", location.Id, "127.0.0.1", Router.DefaultApiPort, "admin", "protected", Now)
        {
            IsolationProfile = "isolir",
        };
        db.Add(router);
        await db.SaveChangesAsync();
        return (location, package, router);
    }

    public static async Task<Customer> AddCustomerAsync(IspDbContext db, LocationCode location, ServicePackage package, Router router, string code = "KCB-CKP150326-001")
    {
        var customer = new Customer(code, "Budi Santoso", "+6281234567890", location.Id, package.Id, Now);
        customer.AssignRouter(router.Id);
        db.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }
}
