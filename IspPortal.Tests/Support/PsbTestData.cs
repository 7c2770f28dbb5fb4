using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>
/// Core services over a reset database with what a PSB needs: a location, a package (Rp 300.000 a
/// month, installation Rp 150.000), a router nobody answers on (the customer waits for provisioning,
/// which is all these tests need) and technicians with and without a WhatsApp number.
/// </summary>
public sealed class PsbTestData : IAsyncDisposable
{
    public const decimal MonthlyPrice = 300_000m;
    public const decimal InstallationFee = 150_000m;

    private readonly DatabaseFixture database;

    private PsbTestData(DatabaseFixture database, ManualTimeProvider clock, Action<IServiceCollection>? configure)
    {
        this.database = database;
        Clock = clock;
        Services = CoreServices.Build(database.ConnectionString, clock, configure: configure);
    }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    public int PackageId { get; private set; }

    public Guid Technician { get; private set; }

    public Guid OtherTechnician { get; private set; }

    public Guid TechnicianWithoutPhone { get; private set; }

    private int _location, _router;

    /// <param name="jakarta">The local time in Jakarta (UTC+7) the clock starts at.</param>
    public static async Task<PsbTestData> StartAsync(DatabaseFixture database, DateTime jakarta, Action<IServiceCollection>? configure = null)
    {
        await database.ResetAsync();
        var data = new PsbTestData(database, new ManualTimeProvider(new DateTimeOffset(jakarta, TimeSpan.FromHours(7)).ToUniversalTime()), configure);
        await data.SeedAsync();
        return data;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private async Task SeedAsync()
    {
        await CoreServices.EnsureRolesAsync(Services);
        var now = Clock.GetUtcNow();
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var ids = new List<Guid>();
            foreach (var (name, phone) in new[] { ("Teknisi Andi", "+6281311110001"), ("Teknisi Budi", "+6281311110002"), ("Teknisi Candra", (string?)null) })
            {
                var user = new PortalUser { UserName = name.Split(' ')[1].ToLowerInvariant(), FullName = name, PhoneNumber = phone, CreatedAt = now };
                Assert.True((await users.CreateAsync(user, PortalUsers.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Technician)).Succeeded);
                ids.Add(user.Id);
            }
            (Technician, OtherTechnician, TechnicianWithoutPhone) = (ids[0], ids[1], ids[2]);
        }

        var protector = Services.GetRequiredService<ISecretProtector>();
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = now };
        var package = new ServicePackage
        {
            Code = "HOME-30", Name = "Rumahan 30 Mbps", MikrotikProfile = "paket-30M", DownloadMbps = 30, UploadMbps = 30,
            MonthlyPrice = MonthlyPrice, InstallationFee = InstallationFee, CreatedAt = now,
        };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        var router = new Router("CKP", "Cikampek", location.Id, "127.0.0.1", FreePorts.Consecutive(1), "admin", protector.Protect(SecretKind.RouterPassword, "x"), now)
        {
            IsolationProfile = "isolir",
        };
        db.Routers.Add(router);
        await db.SaveChangesAsync();
        (_location, _router, PackageId) = (location.Id, router.Id, package.Id);
    }

    public async Task SettingsAsync(Func<BillingSettings, BillingSettings> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        var saved = await settings.SaveAsync(change(await settings.GetAsync<BillingSettings>()), Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }

    public async Task PackageFeeAsync(decimal? fee)
    {
        await using var db = database.CreateDbContext();
        await db.ServicePackages.Where(p => p.Id == PackageId).ExecuteUpdateAsync(u => u.SetProperty(p => p.InstallationFee, fee));
    }

    public RegistrationInput Input(string nik, DateOnly? installationDate = null, Guid? technician = null) => new(
        new CustomerProfileInput("Siti Nurhaliza", nik, null, "0812-3456-7890", "siti@example.co.id", "Jl. Ahmad Yani No. 12", "Dawuan", "Cikampek", "Karawang", null, "41373",
            -6.41, 107.45, null),
        new ServiceChoice(_location, _router, null, PackageId, installationDate, technician));

    public async Task<RegistrationResult> RegisterAsync(RegistrationInput input)
    {
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().ExecuteAsync(input);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    /// <summary>As the installation does: the customer is served, so the monthly run bills them.</summary>
    public async Task ActivateAsync(int customerId)
    {
        await using var db = database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }
}
