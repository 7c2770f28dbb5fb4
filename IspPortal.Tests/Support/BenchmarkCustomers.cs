using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Support;

/// <summary>Active customers on one location and package, inserted by SQL for the billing and backup benchmarks.</summary>
public static class BenchmarkCustomers
{
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
