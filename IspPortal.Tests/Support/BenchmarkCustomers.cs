using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Routers;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>Customers inserted by SQL for the benchmarks: plain active ones for billing and backups, searchable ones for the list and the API.</summary>
public static class BenchmarkCustomers
{
    /// <summary>The customer whose NIK <see cref="InsertSearchableAsync"/> sets.</summary>
    public const string NikCustomerCode = "BNC-BRH-0042";

    /// <summary>
    /// Customers spread over <paramref name="routers"/> routers BRA, BRB, … with names, phones, statuses,
    /// connection states and one PPPoE secret each, as the search box meets them; the one with code
    /// <see cref="NikCustomerCode"/> has the returned NIK. Vacuumed and analysed, as autovacuum leaves
    /// a table in steady state (visibility map set, GIN pending lists merged). Router BRH's id is 0 with fewer than 8 routers.
    /// </summary>
    public static async Task<(int RouterHId, string Nik)> InsertSearchableAsync(PortalFactory portal, int customers, int routers)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var location = await services.GetRequiredService<SaveLocationCode>().ExecuteAsync(new LocationCodeInput(null, "BNC", "Benchmark", null, null));
        var package = await services.GetRequiredService<SaveServicePackage>().ExecuteAsync(new ServicePackageInput(null, "BENCH-20", "Bench", 20, 20, "20M", 200_000m, false, null));
        Assert.True(location.Succeeded && package.Succeeded, location.FirstError + package.FirstError);
        for (var i = 0; i < routers; i++)
        {
            var saved = await services.GetRequiredService<SaveRouter>().ExecuteAsync(new RouterInput(null, $"BR{(char)('A' + i)}", $"Bench {i}", location.Value!.Id, null,
                "127.0.0.1", 8728, false, null, "admin", "secret", IsolationMethod.Profile, "isolir", null, null));
            Assert.True(saved.Succeeded, saved.FirstError);
        }
        var nik = "3201014501900001";
        var nikHash = await services.GetRequiredService<IKeyedHasher>().HashAsync(nik);
        await using var db = portal.Database.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        string[] given = ["Ahmad", "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Sri", "Wati"];
        string[] family = ["Saputra", "Wijaya", "Hidayat", "Lestari", "Kurniawan", "Susanto", "Rahayu", "Setiawan"];
        // Only constants and ids generated above go into this SQL.
        var seed = $"""
            WITH gen AS (
                SELECT g, r.id AS router_id, r.code AS router_code
                FROM generate_series(0, {customers - 1}) g JOIN routers r ON r.code = 'BR' || chr(65 + g % {routers})),
            added AS (
                INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id,
                                       notifications_opt_out, isolation_exempt, credit_balance, registered_at, created_at, updated_at, router_id)
                SELECT 'BNC-' || router_code || '-' || lpad((g / {routers})::text, 4, '0'),
                       (ARRAY['{string.Join("','", given)}'])[1 + g % {given.Length}] || ' ' || (ARRAY['{string.Join("','", family)}'])[1 + (g / 7) % {family.Length}],
                       '+62812' || lpad(g::text, 8, '0'),
                       (ARRAY['Active','Active','Active','Active','Isolated','Suspended'])[1 + g % 6], now(),
                       (ARRAY['Online','Online','Offline','Disabled'])[1 + g % 4], {package.Value!.Id}, {location.Value!.Id}, false, false, 0,
                       now() - (g || ' minutes')::interval, now(), now(), router_id
                FROM gen
                RETURNING id, router_id, code)
            INSERT INTO pppoe_secrets (router_id, customer_id, username, password_encrypted, profile, is_disabled, status, is_replica, provisioning_attempts, created_at, updated_at)
            SELECT router_id, id, split_part(code, '-', 2) || (100 + (split_part(code, '-', 3)::int % 900)), 'x', '20M', false, 'Provisioned', false, 1, now(), now()
            FROM added
            ON CONFLICT DO NOTHING
            """;
        await db.Database.ExecuteSqlRawAsync(seed);
        await db.Database.ExecuteSqlAsync($"UPDATE customers SET nik_hash = {nikHash}, nik_encrypted = 'x' WHERE code = {NikCustomerCode}");
        // One statement each: VACUUM refuses to run in the implicit transaction of a batch.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE customers");
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE pppoe_secrets");
        return (await db.Routers.Where(r => r.Code == "BRH").Select(r => r.Id).FirstOrDefaultAsync(), nik);
    }

    /// <summary>One invoice for each customer for <paramref name="period"/> (the first of a month): every third paid, the rest unpaid.</summary>
    public static async Task InsertInvoicesAsync(IspDbContext db, DateOnly period)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var month = period.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var prefix = period.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);
        // A date formatted above and constants: nothing to inject.
        var insert = $"""
            INSERT INTO invoices (number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total,
                                  amount_paid, status, paid_at, created_at, updated_at, credited_amount, pay_link_version)
            SELECT 'INV-{prefix}-' || lpad(id::text, 6, '0'), id, DATE '{month}', DATE '{month}', DATE '{month}' + 10, 200000, 0, 0, 0, 200000,
                   CASE WHEN id % 3 = 0 THEN 200000 ELSE 0 END, CASE WHEN id % 3 = 0 THEN 'Paid' ELSE 'Unpaid' END,
                   CASE WHEN id % 3 = 0 THEN now() END, now(), now(), 0, 0
            FROM customers
            """;
        await db.Database.ExecuteSqlRawAsync(insert);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE invoices");
    }

    /// <param name="registeredDaysAgo">How long ago they registered (a run bills only customers registered before its month).</param>
    public static async Task InsertAsync(IspDbContext db, int customers, int registeredDaysAgo)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // Two integers: nothing to inject, and generate_series needs them as literals in the one script.
        var sql = $"""
            INSERT INTO location_codes (code, name, is_active, created_at) VALUES ('BNC', 'Benchmark', true, now());
            INSERT INTO service_packages (code, name, download_mbps, upload_mbps, mikrotik_profile, monthly_price, is_taxable, is_active, created_at)
            VALUES ('BENCH-20', 'Bench 20', 20, 20, '20M', 200000, false, true, now());
            INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id,
                                   notifications_opt_out, isolation_exempt, credit_balance, registered_at, created_at, updated_at)
            SELECT 'BNC-' || lpad(g::text, 6, '0'), 'Pelanggan ' || g, '+62812' || lpad(g::text, 8, '0'), 'Active', now(), 'Online',
                   (SELECT id FROM service_packages WHERE code = 'BENCH-20'), (SELECT id FROM location_codes WHERE code = 'BNC'),
                   false, false, 0, now() - interval '{registeredDaysAgo} days', now(), now()
            FROM generate_series(1, {customers}) g;
            ANALYZE customers;
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
