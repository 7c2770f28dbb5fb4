using System.Net;
using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP's network and subscribers: routers served by the built-in RouterOS simulator on
/// loopback, a few hundred customers around Karawang/Cikampek with PPPoE secrets, and open tickets
/// (their billing history is <see cref="DemoBilling"/>'s). Deterministic: the same seed every time.
/// </summary>
public sealed class DemoNetwork(IspDbContext db, ISecretProtector secrets, TimeProvider clock)
{
    public const int DefaultSimulatorPort = 18728;
    public const int CustomerCount = 300;

    /// <summary>Router code, name, location code, and the area the customers live in (lat, lon).</summary>
    public static readonly (string Code, string Name, string Location, double Latitude, double Longitude)[] Routers =
    [
        ("CKP", "Cikampek Pusat", "KCB", -6.4103, 107.4584),
        ("KTB", "Kotabaru", "KCB", -6.3602, 107.3960),
        ("KRW", "Karawang Barat", "KRW", -6.3021, 107.2931),
    ];

    private static readonly string[] GivenNames = ["Ahmad", "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kurnia", "Lina", "Mulyadi", "Nur", "Oki", "Putri", "Rahmat", "Sri", "Taufik", "Udin", "Wati", "Yanto"];
    private static readonly string[] FamilyNames = ["Saputra", "Wijaya", "Hidayat", "Lestari", "Kurniawan", "Susanto", "Rahayu", "Setiawan", "Nugroho", "Purnama", "Siregar", "Maulana"];
    private static readonly string[] Streets = ["Jl. Ahmad Yani", "Jl. Tuparev", "Jl. Kertabumi", "Jl. Interchange", "Jl. Raya Cikampek", "Jl. Jend. Sudirman", "Perum Griya Asri", "Perum Bumi Cikampek"];

    public async Task<IReadOnlyList<(Customer Customer, ServicePackage Package)>> SeedAsync(string routerPassword, int simulatorPort, Guid? technicianId, Guid? staffId, CancellationToken cancellationToken)
    {
        var random = new Random(20250201);
        var now = clock.GetUtcNow();
        var locations = await db.LocationCodes.ToDictionaryAsync(l => l.Code, cancellationToken);
        var packages = await db.ServicePackages.Where(p => p.IsActive).OrderBy(p => p.MonthlyPrice).ToListAsync(cancellationToken);

        var routers = Routers.Select((r, index) => new Router(r.Code, $"Router {r.Name}", locations[r.Location].Id, "127.0.0.1",
                simulatorPort + index, "admin", secrets.Protect(SecretKind.RouterPassword, routerPassword), now.AddDays(-DemoNetworkHistory.Days))
            {
                Location = r.Name,
                Latitude = r.Latitude,
                Longitude = r.Longitude,
                IsolationMethod = IsolationMethod.Profile,
                IsolationProfile = "isolir",
                UplinkInterface = "ether1",
                UplinkCapacityMbps = DemoNetworkHistory.Capacities[index],
            }).ToList();
        db.Routers.AddRange(routers);
        await db.SaveChangesAsync(cancellationToken);
        await DemoNetworkHistory.SeedAsync(db, [.. routers.Select(r => r.Id)], now, cancellationToken);

        var sequence = new Dictionary<string, int>();
        var customers = new List<(Customer Customer, ServicePackage Package)>();
        for (var i = 0; i < CustomerCount; i++)
        {
            var routerIndex = i % routers.Count;
            var router = routers[routerIndex];
            var area = Routers[routerIndex];
            var registeredAt = now.AddDays(-random.Next(20, 420)).AddHours(-random.Next(0, 10));
            var dayKey = $"{area.Location}-{router.Code}{registeredAt:ddMMyy}";
            sequence[dayKey] = sequence.GetValueOrDefault(dayKey) + 1;
            var package = packages[Math.Min(packages.Count - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 1.8) * packages.Count))];
            var name = $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
            var customer = new Customer($"{dayKey}-{sequence[dayKey]:000}", name, $"+628{random.Next(11, 99)}{random.Next(10_000_000, 99_999_999)}",
                locations[area.Location].Id, package.Id, registeredAt)
            {
                Address = $"{Streets[random.Next(Streets.Length)]} No. {random.Next(1, 200)}",
                City = area.Location == "KRW" ? "Karawang" : "Cikampek",
                Province = "Jawa Barat",
            };
            customer.AssignRouter(router.Id);
            customer.ScheduleInstallation(DateOnly.FromDateTime(registeredAt.AddDays(2).Date), technicianId);
            db.Customers.Add(customer);
            if (customer.MoveTo(area.Latitude + Gaussian(random) * 0.018, area.Longitude + Gaussian(random) * 0.022, registeredAt, staffId, "Pendaftaran") is { } located)
                db.CustomerLocationHistory.Add(located);

            var status = PickStatus(random.NextDouble());
            if (customer.ChangeStatus(status == CustomerStatus.PendingProvisioning ? CustomerStatus.PendingProvisioning : CustomerStatus.Active,
                    StatusChangeSource.Registration, "Pendaftaran baru", registeredAt.AddDays(2), staffId) is { } activated)
                db.CustomerStatusLogs.Add(activated);
            if (status is CustomerStatus.Isolated or CustomerStatus.Suspended or CustomerStatus.Terminated
                && customer.ChangeStatus(status, status == CustomerStatus.Isolated ? StatusChangeSource.Billing : StatusChangeSource.User,
                    status == CustomerStatus.Isolated ? "Tunggakan lewat H+10" : "Permintaan pelanggan", now.AddDays(-random.Next(1, 15)), staffId) is { } changed)
                db.CustomerStatusLogs.Add(changed);

            var connection = status switch
            {
                CustomerStatus.Active => random.NextDouble() < 0.85 ? ConnectionState.Online : ConnectionState.Offline,
                CustomerStatus.PendingProvisioning => ConnectionState.Unknown,
                _ => ConnectionState.Disabled,
            };
            if (connection != ConnectionState.Unknown)
            {
                var ip = connection == ConnectionState.Online ? IPAddress.Parse($"10.{10 + routerIndex}.{i / 250}.{2 + i % 250}") : null;
                if (customer.RecordConnection(connection, ip, now.AddMinutes(-random.Next(5, 5000)), now) is { } connected)
                    db.CustomerStatusLogs.Add(connected);
            }

            customers.Add((customer, package));
        }
        await db.SaveChangesAsync(cancellationToken);

        var usedUsernames = new HashSet<string>();
        foreach (var (customer, package) in customers)
        {
            var router = routers.Single(r => r.Id == customer.RouterId);
            string username;
            do
            {
                username = $"{router.Code}{random.Next(100, 1000)}";
            }
            while (!usedUsernames.Add(username));
            var secret = new PppoeSecret(router.Id, customer.Id, username, secrets.Protect(SecretKind.PppoePassword, DemoPassword(random)),
                customer.Status == CustomerStatus.Isolated ? "isolir" : package.MikrotikProfile, isReplica: false, customer.RegisteredAt);
            if (customer.Status != CustomerStatus.PendingProvisioning)
                secret.MarkProvisioned(null, customer.RegisteredAt.AddDays(2));
            // A terminated customer's secret is off the router, but its name is kept so it is never reused.
            if (customer.Status == CustomerStatus.Terminated)
                secret.MarkRemoved(customer.TerminatedAt ?? now);
            db.PppoeSecrets.Add(secret);
        }
        await db.SaveChangesAsync(cancellationToken);

        await DemoTickets.SeedAsync(db, customers.Select(c => c.Customer).Where(c => c.Status != CustomerStatus.Terminated).ToList(), random, now, technicianId, staffId, cancellationToken);
        return customers;
    }

    private static CustomerStatus PickStatus(double roll) => roll switch
    {
        < 0.84 => CustomerStatus.Active,
        < 0.90 => CustomerStatus.Isolated,
        < 0.93 => CustomerStatus.PendingProvisioning,
        < 0.97 => CustomerStatus.Suspended,
        _ => CustomerStatus.Terminated,
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string DemoPassword(Random random)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        var chars = Enumerable.Range(0, 8).Select(i => i % 3 == 2 ? digits[random.Next(digits.Length)] : letters[random.Next(letters.Length)]).ToArray();
        return new string(chars);
    }
}
