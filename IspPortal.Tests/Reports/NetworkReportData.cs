using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The network reports' known data, minutes from <see cref="S"/> = 1 March 2025 00:00 in Jakarta (28 Feb 17:00 UTC); the window
/// 1–10 March is 14,400 minutes, <see cref="E"/> its end. Routers AAA and BBB stand in Karawang (created 1 Jan 2025).
/// <code>
/// AAA unreachable  [-60, 120)  [1440, 1470)  [1460, 1490)          → down 120 + 50 = 170, 3 outages, longest 120
/// BBB unreachable  [E-300, still open)                               → down 300, 1 outage
/// BBB mass outage  [2000, 2060) baseline 10; 5-min sessions 4 at 2000, 6 at 2030 (100 at 1990, before it) → 5 lost × 60 = 300
/// C1 on AAA  Active, Online, no logs                                 → service 14,400, lost 170
/// C2 on AAA  Active→Isolated at 1480, →Active at 2480; Offline [3000, 3100) → service 13,400, lost 120 + 40 + 100 = 260
/// C3 on BBB  Offline until its first log (Offline→Online at 5000), router down the last 300 → service 14,400, lost 5,300
/// C4 on BBB  Suspended all along                                     → not counted
/// C5 on BBB  in Purwakarta, created at E-600, Active                  → service 600, lost 300
/// </code>
/// </summary>
public sealed class NetworkReportData
{
    public static readonly DateTimeOffset S = new(2025, 2, 28, 17, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset E = S.AddDays(10);
    public static readonly DateOnly From = new(2025, 3, 1), To = new(2025, 3, 10);

    public int Aaa { get; private set; }
    public int Bbb { get; private set; }
    public int Purwakarta { get; private set; }
    public int[] Customers { get; private set; } = [];

    public static DateTimeOffset At(double minutes) => S.AddMinutes(minutes);

    public static async Task<NetworkReportData> SeedAsync(DatabaseFixture database)
    {
        var data = new NetworkReportData();
        await using var db = database.CreateDbContext();
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var karawang = new LocationCode { Code = "KRW", Name = "Karawang", CreatedAt = created };
        var purwakarta = new LocationCode { Code = "PWK", Name = "Purwakarta", CreatedAt = created };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = created };
        db.AddRange(karawang, purwakarta, package);
        await db.SaveChangesAsync();
        var aaa = new Router("AAA", "Router Alpha", karawang.Id, "10.0.0.1", Router.DefaultApiPort, "api", "", created) { IsolationProfile = "isolir", UplinkCapacityMbps = 50 };
        var bbb = new Router("BBB", "Router Beta", karawang.Id, "10.0.0.2", Router.DefaultApiPort, "api", "", created) { IsolationProfile = "isolir" };
        db.Routers.AddRange(aaa, bbb);
        await db.SaveChangesAsync();
        (data.Aaa, data.Bbb, data.Purwakarta) = (aaa.Id, bbb.Id, purwakarta.Id);

        Customer Make(int n, Router router, LocationCode location, DateTimeOffset registered, CustomerStatus status)
        {
            var customer = new Customer($"KRW-C{n}", $"Pelanggan {n}", $"+6281200000{n}", location.Id, package.Id, registered);
            customer.AssignRouter(router.Id);
            customer.ChangeStatus(status, StatusChangeSource.System, null, registered);
            return customer;
        }
        var long_ago = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Customer[] customers =
        [
            Make(1, aaa, karawang, long_ago, CustomerStatus.Active), Make(2, aaa, karawang, long_ago, CustomerStatus.Active),
            Make(3, bbb, karawang, long_ago, CustomerStatus.Active), Make(4, bbb, karawang, long_ago, CustomerStatus.Suspended),
            Make(5, bbb, purwakarta, E.AddMinutes(-600), CustomerStatus.Active),
        ];
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        data.Customers = [.. customers.Select(c => c.Id)];
        var ids = data.Customers;
        // C1, C2, C5 online now, C3 online since its log; C4 offline (suspended, not counted anyway).
        await db.Database.ExecuteSqlRawAsync("UPDATE customers SET connection_state = CASE WHEN id = {0} THEN 'Offline' ELSE 'Online' END", ids[3]);

        static NetworkAlert Alert(int router, NetworkAlertKind kind, double from, double? to, int? baseline = null)
        {
            var alert = new NetworkAlert(router, kind, kind.ToString(), At(from), baseline);
            if (to is { } end)
                alert.Resolve(At(end));
            return alert;
        }
        db.NetworkAlerts.AddRange(
            Alert(aaa.Id, NetworkAlertKind.RouterUnreachable, -60, 120), Alert(aaa.Id, NetworkAlertKind.RouterUnreachable, 1440, 1470),
            Alert(aaa.Id, NetworkAlertKind.RouterUnreachable, 1460, 1490), Alert(bbb.Id, NetworkAlertKind.RouterUnreachable, 14_100, null),
            Alert(bbb.Id, NetworkAlertKind.MassOutage, 2000, 2060, baseline: 10),
            Alert(aaa.Id, NetworkAlertKind.SyncFailing, 100, 9000));
        await db.SaveChangesAsync();

        const string log = "INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source) VALUES ({0}, {1}, {2}, {3}, {4}, 'System')";
        foreach (var (customer, minute, kind, from, to) in new[]
                 {
                     (ids[1], 1480.0, "Lifecycle", "Active", "Isolated"), (ids[1], 2480.0, "Lifecycle", "Isolated", "Active"),
                     (ids[1], 3000.0, "Connection", "Online", "Offline"), (ids[1], 3100.0, "Connection", "Offline", "Online"),
                     (ids[2], 5000.0, "Connection", "Offline", "Online"),
                     (ids[0], -10_000.0, "Connection", "Offline", "Online"), // before the window: only the state since counts
                 })
            await db.Database.ExecuteSqlRawAsync(log, customer, At(minute), kind, from, to);

        foreach (var (minute, sessions) in new[] { (1990.0, 100.0), (2000.0, 4.0), (2030.0, 6.0) })
            await BucketAsync(db, "router_health_5min", bbb.Id, At(minute), sessions, 1e6, 1e6, 1e6);
        return data;
    }

    /// <summary>One health bucket: traffic as given (tx half of rx), CPU 10 %.</summary>
    public static Task BucketAsync(Infrastructure.Persistence.IspDbContext db, string table, int router, DateTimeOffset start, double sessions, double rxAvg, double rxP95, double rxMax) =>
        db.Database.ExecuteSqlRawAsync(string.Concat("INSERT INTO ", table, """
             (router_id, bucket_start, samples, cpu_avg, cpu_max, cpu_p95, sessions_avg, sessions_max,
              rx_bps_avg, rx_bps_max, rx_bps_p95, tx_bps_avg, tx_bps_max, tx_bps_p95)
            VALUES ({0}, {1}, 5, 10, 10, 10, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})
            """), router, start.UtcDateTime, sessions, (int)Math.Ceiling(sessions), rxAvg, rxMax, rxP95, rxAvg / 2, rxMax / 2, rxP95 / 2);
}
