using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>
/// Core services over a reset test database with a location and a package, a photo folder for
/// transfer receipts, and customers, invoices and payments made through the real use cases.
/// </summary>
public sealed class BillingTestData : IAsyncDisposable
{
    public const decimal MonthlyPrice = 200_000m;

    private readonly DatabaseFixture database;
    private readonly TimeProvider clock;
    private readonly string _photos;
    private int _location, _package;

    private BillingTestData(DatabaseFixture database, TimeProvider clock)
    {
        this.database = database;
        this.clock = clock;
        _photos = Directory.CreateTempSubdirectory("ispportal-proofs-").FullName;
        Services = CoreServices.Build(database.ConnectionString, clock, _photos);
    }

    public ServiceProvider Services { get; }

    /// <summary>15 March 2025, 10:00 in Jakarta: February's invoices are overdue, March's due on the 10th.</summary>
    public static ManualTimeProvider MidMarch2025() => new(new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero));

    public static async Task<BillingTestData> StartAsync(DatabaseFixture database, TimeProvider clock)
    {
        await database.ResetAsync();
        var data = new BillingTestData(database, clock);
        await data.SeedAsync();
        return data;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Directory.Delete(_photos, recursive: true);
    }

    private async Task SeedAsync()
    {
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = clock.GetUtcNow() };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = MonthlyPrice, CreatedAt = clock.GetUtcNow() };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        (_location, _package) = (location.Id, package.Id);
    }

    public async Task<Customer> CustomerAsync(string? fullName = null)
    {
        await using var db = database.CreateDbContext();
        var registered = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var index = await db.Customers.CountAsync();
        var customer = new Customer($"KCB-CKP011224-{index:000}", fullName ?? $"Pelanggan {index}", $"+62812{index:0000000}", _location, _package, registered);
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
        var outcome = await RecordAsync(input);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    public Task<IspPortal.Core.Common.Outcome<RecordedPayment>> RecordAsync(PaymentInput input) =>
        InScopeAsync(sp => sp.GetRequiredService<RecordPayment>().ExecuteAsync(input));

    public async Task<string> ProofAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        using var png = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var saved = await scope.ServiceProvider.GetRequiredService<ICustomerPhotoStore>().SaveAsync(png);
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value!;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }
}
