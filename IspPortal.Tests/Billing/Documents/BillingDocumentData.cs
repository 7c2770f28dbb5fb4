using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Billing.Documents;

/// <summary>Two February invoices of one customer, the second paid in cash with 45,000 left as credit.</summary>
public sealed record BillingDocumentData(Invoice Unpaid, Invoice Paid, Payment Payment, Customer Customer)
{
    public static readonly DateOnly February = new(2025, 2, 1);
    public static readonly DateTimeOffset At = new(2025, 2, 5, 7, 30, 0, TimeSpan.Zero);

    public const string CustomerCode = "KCB-CKP011224-001";

    /// <summary>Seeds the data once per database: a portal shared by a test class keeps its users and roles between tests.</summary>
    public static async Task<BillingDocumentData> EnsureAsync(IspDbContext db)
    {
        if (!await db.Customers.AnyAsync(c => c.Code == CustomerCode))
            return await SeedAsync(db);
        return new BillingDocumentData(
            await db.Invoices.SingleAsync(i => i.Number == "INV/2025/02/000001"),
            await db.Invoices.SingleAsync(i => i.Number == "INV/2025/02/000002"),
            await db.Payments.SingleAsync(p => p.Number == "PAY/2025/02/000045"),
            await db.Customers.SingleAsync(c => c.Code == CustomerCode));
    }

    public static async Task<BillingDocumentData> SeedAsync(IspDbContext db)
    {
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = At };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = At };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        var customer = new Customer(CustomerCode, "Siti Nurhaliza", "+6281234567890", location.Id, package.Id, At) { Address = "Jl. Ahmad Yani 12", City = "Karawang" };
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, At);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();

        var unpaid = new Invoice("INV/2025/02/000001", customer.Id, February, February, February.AddDays(9), 11m, At);
        unpaid.AddLine(InvoiceLineKind.Subscription, "Langganan Rumahan 20 Mbps Februari 2025", 1m, 200_000m, package.Id);
        unpaid.AddLine(InvoiceLineKind.Installation, "Biaya pemasangan", 1m, 150_000m);
        unpaid.AddLine(InvoiceLineKind.Discount, "Diskon pelanggan baru", 1m, 50_000m);
        var paid = new Invoice("INV/2025/02/000002", customer.Id, February.AddMonths(-1), February, February.AddDays(9), 0m, At);
        paid.AddLine(InvoiceLineKind.Subscription, "Langganan Rumahan 20 Mbps Januari 2025", 1m, 555_000m, package.Id);
        db.Invoices.AddRange(unpaid, paid);
        await db.SaveChangesAsync();

        var payment = new Payment("PAY/2025/02/000045", customer.Id, PaymentMethod.Cash, 600_000m, At, recordedById: null);
        payment.AllocateTo(paid, 555_000m, At);
        db.Payments.Add(payment);
        await db.SaveChangesAsync();
        return new BillingDocumentData(unpaid, paid, payment, customer);
    }
}
