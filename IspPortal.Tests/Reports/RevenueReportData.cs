using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Reports;

/// <summary>The revenue reports' book of <see cref="RevenueReportTests"/> (customers A–G, January–June 2025), for the tests that reuse it.</summary>
public static class RevenueReportData
{
    /// <summary>Seeds the book over the location Karawang and the package Rumahan 20 Mbps already there (or adds them); returns their ids.</summary>
    public static async Task<(int Karawang, int Bekasi, int P20, int P50)> SeedAsync(IspDbContext db, DateTimeOffset now)
    {
        var karawang = (await db.LocationCodes.SingleOrDefaultAsync())?.Id ?? await AddAsync(db, new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = now });
        var p20 = (await db.ServicePackages.SingleOrDefaultAsync())?.Id ?? await AddAsync(db, new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = now });
        var bekasi = new LocationCode { Code = "BKS", Name = "Bekasi", CreatedAt = now };
        var p50 = new ServicePackage { Code = "HOME-50", Name = "Rumahan 50 Mbps", MikrotikProfile = "p50", DownloadMbps = 50, UploadMbps = 50, MonthlyPrice = 300_000m, CreatedAt = now };
        db.AddRange(bekasi, p50);
        await db.SaveChangesAsync();

        var december = new DateTimeOffset(2024, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var a = await CustomerAsync(db, "A", karawang, p50.Id, december);
        var b = await CustomerAsync(db, "B", karawang, p20, december);
        var c = await CustomerAsync(db, "C", bekasi.Id, p20, new DateTimeOffset(2025, 2, 15, 3, 0, 0, TimeSpan.Zero));
        var d = await CustomerAsync(db, "D", karawang, p20, december);
        var e = await CustomerAsync(db, "E", karawang, p50.Id, december);
        var f = await CustomerAsync(db, "F", bekasi.Id, p20, new DateTimeOffset(2025, 2, 28, 17, 30, 0, TimeSpan.Zero));
        var g = await CustomerAsync(db, "G", karawang, p20, december);

        for (var m = 1; m <= 6; m++)
        {
            Subscription(db, a, m, m < 4 ? (p20, 200_000m) : (p50.Id, 300_000m));
            if (m < 4)
                Subscription(db, b, m, (p20, 200_000m));
            if (m >= 3)
                Subscription(db, c, m, (p20, 200_000m));
            if (m is not (3 or 4))
                Subscription(db, d, m, (p20, 200_000m));
            var eInvoice = Subscription(db, e, m, (p50.Id, 300_000m));
            if (m == 5)
                eInvoice.AddLine(InvoiceLineKind.Discount, "Diskon loyalitas", 1, 50_000m);
            if (m is >= 3 and <= 5)
                Subscription(db, f, m, (p20, 200_000m));
            Subscription(db, g, m, m < 4 ? (p50.Id, 300_000m) : (p20, 200_000m));
        }
        var first = Invoice(db, c, 2);
        first.AddLine(InvoiceLineKind.Installation, "Biaya instalasi", 1, 150_000m, p20);
        first.AddLine(InvoiceLineKind.Proration, "Rumahan 20 Mbps 15–28 Februari 2025 (14 dari 28 hari)", 1, 100_000m, p20);
        await db.SaveChangesAsync();

        var voided = await db.Invoices.SingleAsync(i => i.CustomerId == f.Id && i.Period == new DateOnly(2025, 5, 1));
        voided.Void("Salah tagih", null, new DateTimeOffset(2025, 5, 3, 3, 0, 0, TimeSpan.Zero));
        db.CustomerStatusLogs.Add(b.ChangeStatus(CustomerStatus.Terminated, StatusChangeSource.User, "Pindah rumah", new DateTimeOffset(2025, 4, 10, 3, 0, 0, TimeSpan.Zero))!);
        await db.SaveChangesAsync();
        return (karawang, bekasi.Id, p20, p50.Id);
    }

    private static async Task<int> AddAsync<T>(IspDbContext db, T entity) where T : class
    {
        db.Add(entity);
        await db.SaveChangesAsync();
        return (int)db.Entry(entity).Property("Id").CurrentValue!;
    }

    private static async Task<Customer> CustomerAsync(IspDbContext db, string name, int location, int package, DateTimeOffset registered)
    {
        var customer = new Customer($"KCB-CKP-{name}", name, $"+6281200000{name[0] - 'A':00}", location, package, registered);
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, registered);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    private static Invoice Invoice(IspDbContext db, Customer customer, int month)
    {
        var period = new DateOnly(2025, month, 1);
        var invoice = new Invoice($"INV/2025/{month:00}/{customer.FullName}", customer.Id, period, period, period.AddDays(9), 0, new DateTimeOffset(2025, month, 1, 0, 0, 0, TimeSpan.Zero));
        db.Invoices.Add(invoice);
        return invoice;
    }

    private static Invoice Subscription(IspDbContext db, Customer customer, int month, (int Package, decimal Price) line)
    {
        var invoice = Invoice(db, customer, month);
        invoice.AddLine(InvoiceLineKind.Subscription, "Langganan", 1, line.Price, line.Package);
        return invoice;
    }
}
