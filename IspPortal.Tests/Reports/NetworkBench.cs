using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The network benchmark's year, inserted by set-based SQL (generate_series): 50 routers in 5 locations with 2,000 customers each, a year of
/// hourly health buckets per router (three days of five-minute ones), two RouterUnreachable alerts per router and month (5–119 minutes), a
/// mass outage per router and quarter, each customer Offline once a month (5–244 minutes) and 1 in 33 isolated for four days once a year.
/// </summary>
public static class NetworkBench
{
    public const int Routers = 50;
    public const int CustomersPerRouter = 2_000;

    /// <summary>The benchmark's now: 15 November 2026, 12:00 in Jakarta; the data covers the year before it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 5, 0, 0, TimeSpan.Zero);

    public static async Task InsertAsync(IspDbContext db)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        // Only integers and fixed moments go into the script: nothing to inject.
        const string year = "timestamptz '2025-11-15 05:00+00'";
        const string now = "timestamptz '2026-11-15 05:00+00'";
        var sql = $"""
            SELECT ensure_monthly_partitions('customer_status_logs', 'changed_at', date '2025-11-01', 14);
            INSERT INTO location_codes (code, name, is_active, created_at)
            SELECT 'NL' || chr(64 + g), 'Lokasi jaringan ' || g, true, now() FROM generate_series(1, 5) g;
            INSERT INTO service_packages (code, name, download_mbps, upload_mbps, mikrotik_profile, monthly_price, is_taxable, is_active, created_at)
            VALUES ('NB-20', 'Jaringan 20 Mbps', 20, 20, '20M', 200000, false, true, now());
            INSERT INTO routers (code, name, location_code_id, host, api_port, use_tls, api_user, password_encrypted, isolation_method,
                                 isolation_address_list, is_active, health, consecutive_failures, uplink_capacity_mbps, created_at, updated_at)
            SELECT 'NR' || chr(65 + (g - 1) / 26) || chr(65 + (g - 1) % 26), 'Router jaringan ' || g, (SELECT id FROM location_codes WHERE code = 'NL' || chr(65 + (g - 1) / 10)),
                   '127.0.1.' || g, 8728, false, 'api', 'x', 'DisableSecret', 'isolir', true, 'Up', 0, 1000, timestamptz '2025-01-01 00:00+00', now()
            FROM generate_series(1, {Routers}) g;
            CREATE TEMP TABLE bench_routers AS SELECT id, row_number() OVER (ORDER BY code)::int AS n, location_code_id FROM routers WHERE code LIKE 'NR%';
            INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id, router_id,
                                   notifications_opt_out, isolation_exempt, credit_balance, registered_at, created_at, updated_at)
            SELECT 'NC-' || lpad(g::text, 6, '0'), 'Pelanggan jaringan ' || g, '+62814' || lpad(g::text, 8, '0'), 'Active',
                   timestamptz '2025-06-01 00:00+00', CASE WHEN g % 97 = 0 THEN 'Offline' ELSE 'Online' END,
                   (SELECT id FROM service_packages WHERE code = 'NB-20'), r.location_code_id, r.id, false, false, 0,
                   timestamptz '2025-06-01 00:00+00', timestamptz '2025-06-01 00:00+00', now()
            FROM generate_series(1, {Routers * CustomersPerRouter}) g JOIN bench_routers r ON r.n = 1 + (g - 1) / {CustomersPerRouter};
            CREATE TEMP TABLE bench_customers AS SELECT id, row_number() OVER (ORDER BY code)::int AS g FROM customers WHERE code LIKE 'NC-%';

            -- Each customer Offline once a month; 1 in 33 isolated for four days in one month of the year.
            INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source)
            SELECT c.id, t.at, 'Connection', t.from_value, t.to_value, 'Sync'
            FROM bench_customers c CROSS JOIN generate_series(0, 11) k
            CROSS JOIN LATERAL (SELECT {year} + k * interval '30 days 10 hours' + ((c.g * 7919 + k * 104729) % 43000) * interval '1 minute' AS down,
                                       (5 + (c.g * 31 + k * 17) % 240) * interval '1 minute' AS lasts) e
            CROSS JOIN LATERAL (VALUES (e.down, 'Online', 'Offline'), (e.down + e.lasts, 'Offline', 'Online')) AS t(at, from_value, to_value)
            WHERE t.at < {now};
            INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source)
            SELECT c.id, t.at, 'Lifecycle', t.from_value, t.to_value, 'Billing'
            FROM bench_customers c
            CROSS JOIN LATERAL (SELECT {year} + (c.g / 33 % 12) * interval '30 days 10 hours' + interval '10 days 3 hours' AS isolated) e
            CROSS JOIN LATERAL (VALUES (e.isolated, 'Active', 'Isolated'), (e.isolated + interval '4 days', 'Isolated', 'Active')) AS t(at, from_value, to_value)
            WHERE c.g % 33 = 0 AND t.at < {now};

            -- Two router outages per router and month, a mass outage per router and quarter; all resolved.
            INSERT INTO network_alerts (router_id, kind, message, opened_at, resolved_at, last_seen_at, occurrences, baseline_sessions)
            SELECT r.id, 'RouterUnreachable', 'Router tidak terjangkau', a.opened, a.opened + a.lasts, a.opened + a.lasts, 1, NULL
            FROM bench_routers r CROSS JOIN generate_series(0, 23) k
            CROSS JOIN LATERAL (SELECT {year} + k * interval '15 days 5 hours' + ((r.n * 131 + k * 37) % 20000) * interval '1 minute' AS opened,
                                       (5 + (r.n * 13 + k * 7) % 115) * interval '1 minute' AS lasts) a
            WHERE a.opened + a.lasts < {now};
            INSERT INTO network_alerts (router_id, kind, message, opened_at, resolved_at, last_seen_at, occurrences, baseline_sessions)
            SELECT r.id, 'MassOutage', 'Sesi online turun mendadak', a.opened, a.opened + interval '30 minutes', a.opened + interval '30 minutes', 1, 1900
            FROM bench_routers r CROSS JOIN generate_series(0, 3) k
            CROSS JOIN LATERAL (SELECT {year} + k * interval '91 days' + ((r.n * 977 + k * 53) % 120000) * interval '1 minute' AS opened) a;

            -- A year of hourly buckets (a day's curve peaking at 21:00 Jakarta), three days of five-minute ones.
            INSERT INTO router_health_hourly (router_id, bucket_start, samples, cpu_avg, cpu_max, cpu_p95, sessions_avg, sessions_max,
                                              rx_bps_avg, rx_bps_max, rx_bps_p95, tx_bps_avg, tx_bps_max, tx_bps_p95)
            SELECT r.id, h, 60, 20 + 30 * x.load, 40 + 40 * x.load, 35 + 40 * x.load, 1800 + 150 * x.load, 1990,
                   x.rx, x.rx * 1.4, x.rx * 1.25, x.rx / 8, x.rx * 1.4 / 8, x.rx * 1.25 / 8
            FROM bench_routers r CROSS JOIN generate_series({year}, {now} - interval '1 hour', interval '1 hour') h
            CROSS JOIN LATERAL (SELECT (1 + sin(2 * pi() * (extract(hour FROM h) - 8) / 24)) / 2 AS load) l
            CROSS JOIN LATERAL (SELECT l.load, (150 + 450 * l.load + r.n * 4) * 1e6 AS rx) x;
            INSERT INTO router_health_5min (router_id, bucket_start, samples, cpu_avg, cpu_max, cpu_p95, sessions_avg, sessions_max,
                                            rx_bps_avg, rx_bps_max, rx_bps_p95, tx_bps_avg, tx_bps_max, tx_bps_p95)
            SELECT r.id, h, 5, 20 + 30 * x.load, 40 + 40 * x.load, 35 + 40 * x.load, 1800 + 150 * x.load, 1990,
                   x.rx, x.rx * 1.2, x.rx * 1.1, x.rx / 8, x.rx * 1.2 / 8, x.rx * 1.1 / 8
            FROM bench_routers r CROSS JOIN generate_series({now} - interval '3 days', {now} - interval '5 minutes', interval '5 minutes') h
            CROSS JOIN LATERAL (SELECT (1 + sin(2 * pi() * (extract(hour FROM h) - 8) / 24)) / 2 AS load) l
            CROSS JOIN LATERAL (SELECT l.load, (150 + 450 * l.load + r.n * 4) * 1e6 AS rx) x;
            """;
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
        await db.Database.CloseConnectionAsync();
    }
}
