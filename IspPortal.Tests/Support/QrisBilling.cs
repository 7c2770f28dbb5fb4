using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.StandIns.Midtrans;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>A customer with one unpaid invoice, and Midtrans settings pointed at a stand-in: what QRIS tests start from.</summary>
public static class QrisBilling
{
    public const string ServerKey = "SB-Mid-server-TESTKEY0123456789";

    private static int _seeded;

    public static async Task<MidtransStandIn> StartMidtransAsync(IServiceProvider services, int expiryMinutes = 60)
    {
        var standIn = await MidtransStandIn.StartAsync(ServerKey);
        await using var scope = services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new PaymentGatewaySettings
        {
            Provider = PaymentGatewayProvider.Midtrans,
            MidtransBaseUrl = standIn.BaseAddress.ToString(),
            MidtransServerKeyEncrypted = services.GetRequiredService<ISecretProtector>().Protect(SecretKind.PaymentGatewayCredential, ServerKey),
            QrisExpiryMinutes = expiryMinutes,
        }, Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
        return standIn;
    }

    /// <returns>The customer's id and the invoice's number.</returns>
    public static async Task<(int CustomerId, string InvoiceNumber)> InvoiceAsync(IspDbContext db, decimal amount)
    {
        var n = Interlocked.Increment(ref _seeded);
        var suffix = string.Concat(((char)('A' + n / 676 % 26)).ToString(), ((char)('A' + n / 26 % 26)).ToString(), ((char)('A' + n % 26)).ToString());
        var now = DateTimeOffset.UtcNow;
        var location = new LocationCode { Code = "Q" + suffix, Name = "Lokasi " + suffix, CreatedAt = now };
        var package = new ServicePackage { Code = "QRIS-" + suffix, Name = "Paket " + suffix, MikrotikProfile = "p", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = amount, CreatedAt = now };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        var customer = new Customer($"{location.Code}-CKP010125-{n % 1000:000}", "Budi Santoso " + suffix, "+6281200" + Random.Shared.Next(100_000, 999_999), location.Id, package.Id, now.AddMonths(-2))
        {
            Email = $"budi.{suffix}@example.co.id",
        };
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, now.AddMonths(-2));
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var invoice = new Invoice($"INV/{today:yyyy}/{today:MM}/{Random.Shared.Next(1, 999_999):000000}", customer.Id, today, today, today.AddDays(10), 0m, now);
        invoice.AddLine(InvoiceLineKind.Subscription, package.Name, 1, amount, package.Id);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return (customer.Id, invoice.Number);
    }
}
