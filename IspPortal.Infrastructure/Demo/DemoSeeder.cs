using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.ApiKeys;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.Identity;
using IspPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP around Karawang/Cikampek: one user per role, areas, packages, settings, an API
/// key, the network with its customers (<see cref="DemoNetwork"/>) and a year of books (<see cref="DemoBooks"/>). Runs once per database (a settings row marks it done), only when the demo is on.
/// </summary>
public sealed class DemoSeeder(
    IspDbContext db,
    DemoNetwork network,
    DemoBooks books,
    UserManager<PortalUser> users,
    IssueApiKey issueApiKey,
    IConfiguration configuration,
    IDatabaseLocks locks,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string DoneMarkerKey = "demo.seeded";
    public const string DefaultPassword = "Demo#2025";

    public static readonly IReadOnlyDictionary<string, (string Role, string FullName)> DemoUsers = new Dictionary<string, (string, string)>
    {
        ["admin"] = (Roles.Admin, "Admin Demo"),
        ["staff"] = (Roles.Staff, "Siti Rahmawati"),
        ["technician"] = (Roles.Technician, "Budi Santoso"),
        ["finance"] = (Roles.Finance, "Dewi Lestari"),
        ["noc"] = (Roles.Noc, "Agus Pratama"),
        ["manager"] = (Roles.Manager, "Hendra Wijaya"),
    };

    public string Password => configuration["ISPPORTAL_DEMO_PASSWORD"] is { Length: > 0 } configured ? configured : DefaultPassword;

    /// <summary>Seeds everything in one transaction: a failure leaves no half-seeded demo behind.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two instances starting at once: the second waits, then finds the marker.
        await locks.LockForTransactionAsync(db, "demo-seed", cancellationToken);
        if (await db.Settings.AnyAsync(s => s.Key == DoneMarkerKey, cancellationToken))
            return false;

        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        await SeedUsersAsync(now);
        SeedLocations(now);
        SeedPackages(now);
        SeedSettings(now);
        SeedApiKey();
        await db.SaveChangesAsync(cancellationToken);

        var technician = await users.FindByNameAsync("technician");
        var staff = await users.FindByNameAsync("staff");
        var simulatorPort = int.TryParse(configuration["ISPPORTAL_SIM_PORT"], out var port) ? port : DemoNetwork.DefaultSimulatorPort;
        var customers = await network.SeedAsync(Password, simulatorPort, technician?.Id, staff?.Id, cancellationToken);
        logger.LogInformation("Demo network seeded after {Milliseconds} ms", (long)clock.GetElapsedTime(started).TotalMilliseconds);
        var finance = await users.FindByNameAsync("finance");
        await books.SeedAsync(customers, now, new DemoPeople(staff?.Id, finance?.Id), cancellationToken);

        db.Settings.Add(new Setting { Key = DoneMarkerKey, Value = $"{{\"at\":\"{now:O}\"}}", UpdatedAt = now, UpdatedBy = Actor.System.Name });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the demo ISP in {Milliseconds} ms", (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private void SeedApiKey()
    {
        if (configuration["ISPPORTAL_DEMO_API_KEY"] is not { Length: > 0 } apiKey)
            return;
        var issued = issueApiKey.Prepare("Demo", [.. Permissions.GrantedTo.Keys], Actor.System, apiKey);
        if (!issued.Succeeded)
            throw new InvalidOperationException($"ISPPORTAL_DEMO_API_KEY was refused: {issued.FirstError}");
        db.ApiKeys.Add(issued.Value!.Record);
    }

    private async Task SeedUsersAsync(DateTimeOffset now)
    {
        foreach (var (userName, (role, fullName)) in DemoUsers)
        {
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var user = new PortalUser { UserName = userName, FullName = fullName, Email = $"{userName}@demo.isp.local", CreatedAt = now };
            RoleSetup.ThrowIfFailed(await users.CreateAsync(user, Password), $"create demo user {userName}");
            RoleSetup.ThrowIfFailed(await users.AddToRoleAsync(user, role), $"give {userName} the role {role}");
        }
    }

    private void SeedLocations(DateTimeOffset now)
    {
        (string Code, string Name, string City)[] areas =
        [
            ("KCB", "Karawang – Cikampek Barat", "Karawang"),
            ("KRW", "Karawang Kota", "Karawang"),
            ("PWK", "Purwakarta", "Purwakarta"),
            ("BKS", "Bekasi Timur", "Bekasi"),
        ];
        foreach (var (code, name, city) in areas)
            db.LocationCodes.Add(new LocationCode { Code = code, Name = name, City = city, CreatedAt = now });
    }

    private void SeedPackages(DateTimeOffset now)
    {
        (string Code, string Name, int Mbps, decimal Price)[] packages =
        [
            ("HOME-10", "Rumahan 10 Mbps", 10, 150_000m),
            ("HOME-20", "Rumahan 20 Mbps", 20, 200_000m),
            ("HOME-30", "Rumahan 30 Mbps", 30, 275_000m),
            ("HOME-50", "Rumahan 50 Mbps", 50, 385_000m),
            ("BIZ-100", "Bisnis 100 Mbps", 100, 1_250_000m),
        ];
        foreach (var (code, name, mbps, price) in packages)
        {
            db.ServicePackages.Add(new ServicePackage
            {
                Code = code,
                Name = name,
                DownloadMbps = mbps,
                UploadMbps = mbps,
                MikrotikProfile = code.StartsWith("BIZ", StringComparison.Ordinal) ? $"bisnis-{mbps}M" : $"paket-{mbps}M",
                MonthlyPrice = price,
                IsTaxable = code.StartsWith("BIZ", StringComparison.Ordinal),
                CreatedAt = now,
            });
        }
    }

    private void SeedSettings(DateTimeOffset now)
    {
        var company = new CompanyProfile
        {
            Name = "PT Demo Jaringan Nusantara",
            Address = "Jl. Ahmad Yani No. 17, Cikampek",
            City = "Karawang",
            Phone = "+62267123456",
            Email = "halo@demo.isp.local",
        };
        db.Settings.Add(new Setting { Key = CompanyProfile.Key, Value = System.Text.Json.JsonSerializer.Serialize(company, System.Text.Json.JsonSerializerOptions.Web), UpdatedAt = now, UpdatedBy = Actor.System.Name });
        // The demo's users share published passwords for trying the portal out; an authenticator app
        // would only stand in the way. A real portal keeps the default (Admin and Finance must enrol).
        var twoFactor = new Core.Identity.TwoFactor.TwoFactorSettings { MandatoryRoles = [] };
        db.Settings.Add(new Setting { Key = Core.Identity.TwoFactor.TwoFactorSettings.Key, Value = System.Text.Json.JsonSerializer.Serialize(twoFactor, System.Text.Json.JsonSerializerOptions.Web), UpdatedAt = now, UpdatedBy = Actor.System.Name });
    }
}
