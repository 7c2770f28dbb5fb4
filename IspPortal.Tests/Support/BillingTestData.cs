using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>A location, a package, customers with invoices, and payments recorded through the real use case, for billing tests on Core services.</summary>
public sealed class BillingTestData(DatabaseFixture database, IServiceProvider services, TimeProvider clock)
{
    public const decimal MonthlyPrice = 200_000m;

    private int _location, _package;

    public async Task SeedAsync()
    {
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = clock.GetUtcNow() };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = MonthlyPrice, CreatedAt = clock.GetUtcNow() };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        (_location, _package) = (location.Id, package.Id);
    }

    public async Task<Customer> CustomerAsync(string fullName)
    {
        await using var db = database.CreateDbContext();
        var registered = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var index = await db.Customers.CountAsync();
        var customer = new Customer($"KCB-CKP011224-{index:000}", fullName, $"+62812{index:0000000}", _location, _package, registered);
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, registered);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    public async Task<Invoice> InvoiceAsync(Customer customer, DateOnly period, decimal amount = MonthlyPrice)
    {
        await using var db = database.CreateDbContext();
        var invoice = new Invoice($"INV/{period:yyyy/MM}/{customer.Id:000000}", customer.Id, period, period, period.AddDays(9), 0, clock.GetUtcNow());
        invoice.AddLine(InvoiceLineKind.Subscription, "Rumahan 20 Mbps", 1, amount, _package);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    }

    public async Task<RecordedPayment> PayAsync(PaymentInput input)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RecordPayment>().ExecuteAsync(input);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    public async Task<string> ProofAsync()
    {
        await using var scope = services.CreateAsyncScope();
        using var png = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var saved = await scope.ServiceProvider.GetRequiredService<ICustomerPhotoStore>().SaveAsync(png);
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value!;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }
}
