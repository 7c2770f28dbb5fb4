using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// A year of the demo routers' past for the network reports: hourly health buckets (a daily traffic curve, busier in the evening,
/// each router its own size), a few outages when the routers were unreachable and one mass outage, all resolved more than a week ago
/// (so the monitoring page, which keeps resolved alerts a week, starts clean). One statement per table.
/// </summary>
internal static class DemoNetworkHistory
{
    public const int Days = 430;

    /// <summary>Uplink capacity per demo router (CKP, KTB, KRW); KRW has none, so the report shows "kapasitas belum diisi".</summary>
    public static readonly int?[] Capacities = [1000, 500, null];

    // {0} router ids (int[]), {1} now. Traffic in bit/s: router size × (evening peak curve) with a little noise.
    private const string Buckets = """
        INSERT INTO router_health_hourly (router_id, bucket_start, samples, cpu_avg, cpu_max, cpu_p95, sessions_avg, sessions_max,
            rx_bps_avg, rx_bps_max, rx_bps_p95, tx_bps_avg, tx_bps_max, tx_bps_p95)
        SELECT r.id, h, 12, 20 + 30 * load, (25 + 40 * load)::smallint, 22 + 38 * load, 40 + 60 * load, (45 + 65 * load)::int,
               size * load, size * load * 1.6, size * load * 1.3, size * load * 0.2, size * load * 0.35, size * load * 0.28
        FROM unnest({0}) WITH ORDINALITY AS r(id, n)
        CROSS JOIN generate_series(date_trunc('hour', {1}::timestamptz) - interval '365 days', date_trunc('hour', {1}::timestamptz) - interval '1 hour', interval '1 hour') AS h
        CROSS JOIN LATERAL (SELECT (0.25 + 0.65 * (0.5 + 0.5 * sin(((extract(hour FROM h) + 7 - 14) / 24.0) * 2 * pi())) + 0.1 * ((r.id * 7919 + extract(epoch FROM h)::bigint / 3600) % 10) / 10.0)::double precision AS load,
                                (CASE r.n WHEN 1 THEN 600e6 WHEN 2 THEN 350e6 ELSE 200e6 END)::double precision AS size) AS f
        ON CONFLICT DO NOTHING
        """;

    private const string Alerts = """
        INSERT INTO network_alerts (router_id, kind, message, opened_at, last_seen_at, occurrences, baseline_sessions, resolved_at)
        SELECT ids[a.r], a.kind, a.message, {1}::timestamptz - a.ago, {1}::timestamptz - a.ago, 1, a.baseline, {1}::timestamptz - a.ago + a.took
        FROM (SELECT {0}::int[] AS ids) AS x
        CROSS JOIN (VALUES
            (1, 'RouterUnreachable', 'Router tidak menjawab (listrik padam)', interval '9 days 5 hours', interval '95 minutes', NULL::int),
            (2, 'RouterUnreachable', 'Router tidak menjawab', interval '12 days 2 hours', interval '40 minutes', NULL),
            (3, 'RouterUnreachable', 'Router tidak menjawab (fiber putus)', interval '21 days 20 hours', interval '4 hours 10 minutes', NULL),
            (1, 'MassOutage', 'Pelanggan online turun drastis', interval '8 days 19 hours', interval '55 minutes', 90)
        ) AS a(r, kind, message, ago, took, baseline)
        """;

    public static async Task SeedAsync(IspDbContext db, int[] routerIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        await db.Database.ExecuteSqlRawAsync(Buckets, [routerIds, at], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(Alerts, [routerIds, at], cancellationToken);
    }
}
