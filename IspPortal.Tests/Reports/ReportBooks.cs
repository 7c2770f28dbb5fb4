using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Two years of an ISP's life inserted by SQL for the reports benchmark: five locations, fifty routers, four packages,
/// customers who register, upgrade and leave, one invoice per customer and month with its subscription line, a payment
/// and its allocation for most of them (cash, transfer or QRIS, paid 0–19 days after issue), and the ledger entries the
/// portal would have posted for each (invoice, payment, allocation), so statements, aging and the ledger tie out.
/// </summary>
public static class ReportBooks
{
    /// <summary>The first billed month; the books run for <c>months</c> months from here.</summary>
    public static readonly DateOnly FirstMonth = new(2024, 12, 1);

    public static async Task InsertAsync(IspDbContext db, LedgerAccounts accounts, int customers, int months)
    {
        var map = await accounts.MapAsync(db);
        int Account(string code) => map.ByCode(code)!.Id;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(60));
        // One connection for the whole script: the working tables are temporary.
        await db.Database.OpenConnectionAsync();
        // Only integers and fixed dates are put into the script: nothing to inject.
        var reference = $"""
            INSERT INTO location_codes (code, name, is_active, created_at)
            SELECT 'BL' || chr(64 + g), 'Lokasi uji ' || g, true, now() FROM generate_series(1, 5) g;
            INSERT INTO service_packages (code, name, download_mbps, upload_mbps, mikrotik_profile, monthly_price, is_taxable, is_active, created_at)
            VALUES ('BP-10', 'Uji 10 Mbps', 10, 10, '10M', 150000, false, true, now()), ('BP-20', 'Uji 20 Mbps', 20, 20, '20M', 200000, false, true, now()),
                   ('BP-30', 'Uji 30 Mbps', 30, 30, '30M', 275000, false, true, now()), ('BP-50', 'Uji 50 Mbps', 50, 50, '50M', 350000, false, true, now());
            INSERT INTO routers (code, name, location_code_id, host, api_port, use_tls, api_user, password_encrypted, isolation_method,
                                 isolation_address_list, is_active, health, consecutive_failures, created_at, updated_at)
            SELECT 'BR' || chr(65 + (g - 1) / 26) || chr(65 + (g - 1) % 26), 'Router uji ' || g, (SELECT id FROM location_codes WHERE code = 'BL' || chr(65 + (g - 1) / 10)),
                   '127.0.0.' || g, 8728, false, 'api', 'x', 'DisableSecret', 'isolir', true, 'Up', 0, now(), now()
            FROM generate_series(1, 50) g;
            """;
        await db.Database.ExecuteSqlRawAsync(reference);

        // Three in five customers were there before the books begin; the rest register evenly over the months.
        // One in fifty leaves 30–630 days after registering; one in twenty moves up a package halfway.
        var people = $"""
            CREATE TEMP TABLE bench_people AS
            SELECT g, 1 + g % 4 AS package_rank, 1 + g % 50 AS router_rank,
                   CASE WHEN g <= {customers} * 3 / 5 THEN timestamptz '2024-06-01 03:00+00' - (g % 365) * interval '1 day'
                        ELSE timestamptz '2024-12-01 03:00+00' + ((g - {customers} * 3 / 5) * ({months} * 30) / ({customers} * 2 / 5 + 1)) * interval '1 day'
                   END AS registered_at
            FROM generate_series(1, {customers}) g;
            ALTER TABLE bench_people ADD COLUMN terminated_at timestamptz;
            UPDATE bench_people SET terminated_at = registered_at + (30 + (g / 50) % 600) * interval '1 day' WHERE g % 50 = 0;
            UPDATE bench_people SET terminated_at = NULL WHERE terminated_at >= timestamptz '{FirstMonth.AddMonths(months):yyyy-MM-dd} 00:00+00';
            INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id, router_id,
                                   notifications_opt_out, isolation_exempt, credit_balance, registered_at, terminated_at, created_at, updated_at)
            SELECT 'BC-' || lpad(g::text, 6, '0'), 'Pelanggan uji ' || g, '+62813' || lpad(g::text, 8, '0'),
                   CASE WHEN terminated_at IS NOT NULL THEN 'Terminated' WHEN g % 37 = 0 THEN 'Isolated' ELSE 'Active' END,
                   coalesce(terminated_at, registered_at), 'Online',
                   (SELECT id FROM service_packages WHERE code = (ARRAY['BP-10','BP-20','BP-30','BP-50'])[CASE WHEN g % 20 = 0 THEN least(package_rank + 1, 4) ELSE package_rank END]),
                   (SELECT location_code_id FROM routers WHERE code = 'BR' || chr(65 + (router_rank - 1) / 26) || chr(65 + (router_rank - 1) % 26)),
                   (SELECT id FROM routers WHERE code = 'BR' || chr(65 + (router_rank - 1) / 26) || chr(65 + (router_rank - 1) % 26)),
                   false, false, 0, registered_at, terminated_at, registered_at, registered_at
            FROM bench_people;
            INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source)
            SELECT c.id, c.registered_at, 'Lifecycle', NULL, 'Active', 'Registration' FROM customers c WHERE c.code LIKE 'BC-%'
            UNION ALL
            SELECT c.id, c.terminated_at, 'Lifecycle', 'Active', 'Terminated', 'User' FROM customers c WHERE c.code LIKE 'BC-%' AND c.terminated_at IS NOT NULL;
            """;
        await db.Database.ExecuteSqlRawAsync(people);

        // One invoice per customer and month they were subscribed on its first day; one in fourteen is never paid.
        var invoices = $"""
            CREATE TEMP TABLE bench_bills AS
            SELECT c.id AS customer_id, c.location_code_id, c.router_id, m, (date '{FirstMonth:yyyy-MM-dd}' + m * interval '1 month')::date AS period,
                   p.g, (SELECT id FROM service_packages WHERE code = (ARRAY['BP-10','BP-20','BP-30','BP-50'])[
                        CASE WHEN p.g % 20 = 0 AND m >= {months / 2} THEN least(p.package_rank + 1, 4) ELSE p.package_rank END]) AS package_id
            FROM bench_people p JOIN customers c ON c.code = 'BC-' || lpad(p.g::text, 6, '0')
            CROSS JOIN generate_series(0, {months - 1}) m
            WHERE p.registered_at < timestamptz '{FirstMonth:yyyy-MM-dd} 00:00+00' + m * interval '1 month'
              AND (p.terminated_at IS NULL OR p.terminated_at > timestamptz '{FirstMonth:yyyy-MM-dd} 00:00+00' + m * interval '1 month');
            INSERT INTO invoices (number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total, amount_paid,
                                  status, paid_at, created_at, updated_at)
            SELECT 'BN/' || to_char(b.period, 'YYMM') || '/' || b.customer_id, b.customer_id, b.period, b.period, b.period + 10,
                   s.monthly_price, 0, 0, 0, s.monthly_price,
                   CASE WHEN (b.g * 7 + b.m) % 14 = 0 THEN 0 ELSE s.monthly_price END,
                   CASE WHEN (b.g * 7 + b.m) % 14 = 0 THEN 'Overdue' ELSE 'Paid' END,
                   CASE WHEN (b.g * 7 + b.m) % 14 = 0 THEN NULL ELSE (b.period + (b.g + b.m) % 20 + time '03:00') AT TIME ZONE 'UTC' END,
                   (b.period + time '01:00') AT TIME ZONE 'UTC', (b.period + time '01:00') AT TIME ZONE 'UTC'
            FROM bench_bills b JOIN service_packages s ON s.id = b.package_id;
            INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price, amount, service_package_id)
            SELECT i.id, 1, 'Subscription', 'Langganan ' || s.name, 1, i.total, i.total, s.id
            FROM invoices i JOIN bench_bills b ON b.customer_id = i.customer_id AND b.period = i.period JOIN service_packages s ON s.id = b.package_id;
            INSERT INTO payments (number, customer_id, invoice_id, method, amount, status, received_at, confirmed_at, created_at, updated_at)
            SELECT 'BY/' || i.id, i.customer_id, i.id, (ARRAY['Cash','BankTransfer','Qris'])[1 + i.id % 3], i.total, 'Confirmed', i.paid_at, i.paid_at, i.paid_at, i.paid_at
            FROM invoices i WHERE i.status = 'Paid' AND i.number LIKE 'BN/%';
            INSERT INTO payment_allocations (payment_id, invoice_id, amount, allocated_at)
            SELECT p.id, p.invoice_id, p.amount, p.received_at FROM payments p WHERE p.number LIKE 'BY/%';
            """;
        await db.Database.ExecuteSqlRawAsync(invoices);

        // What BillingLedger posts for each: Piutang/Pendapatan langganan, Kas|Bank|Kliring/Titipan, Titipan/Piutang.
        var ledger = $"""
            WITH e AS (
                INSERT INTO journal_entries (entry_date, source_type, source_key, source_number, memo, created_at)
                SELECT i.issue_date, 'Invoice', i.id::text, i.number, 'Tagihan ' || i.number, now() FROM invoices i WHERE i.number LIKE 'BN/%'
                RETURNING id, entry_date, source_key)
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit, customer_id, location_code_id, router_id)
            SELECT e.id, e.entry_date, p, CASE p WHEN 1 THEN {Account("1-1300")} ELSE {Account("4-1100")} END,
                   CASE p WHEN 1 THEN i.total ELSE 0 END, CASE p WHEN 2 THEN i.total ELSE 0 END, c.id, c.location_code_id, c.router_id
            FROM e JOIN invoices i ON i.id = e.source_key::int JOIN customers c ON c.id = i.customer_id CROSS JOIN generate_series(1, 2) p;

            WITH e AS (
                INSERT INTO journal_entries (entry_date, source_type, source_key, source_number, memo, created_at)
                SELECT (y.received_at AT TIME ZONE 'Asia/Jakarta')::date, 'Payment', y.id::text, y.number, 'Pembayaran ' || y.number, now()
                FROM payments y WHERE y.number LIKE 'BY/%'
                RETURNING id, entry_date, source_key)
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit, customer_id, location_code_id, router_id)
            SELECT e.id, e.entry_date, p,
                   CASE WHEN p = 2 THEN {Account("2-1300")} WHEN y.method = 'Cash' THEN {Account("1-1100")} WHEN y.method = 'BankTransfer' THEN {Account("1-1201")} ELSE {Account("1-1400")} END,
                   CASE p WHEN 1 THEN y.amount ELSE 0 END, CASE p WHEN 2 THEN y.amount ELSE 0 END,
                   CASE p WHEN 2 THEN c.id END, CASE p WHEN 2 THEN c.location_code_id END, CASE p WHEN 2 THEN c.router_id END
            FROM e JOIN payments y ON y.id = e.source_key::bigint JOIN customers c ON c.id = y.customer_id CROSS JOIN generate_series(1, 2) p;

            WITH e AS (
                INSERT INTO journal_entries (entry_date, source_type, source_key, source_number, memo, created_at)
                SELECT (a.allocated_at AT TIME ZONE 'Asia/Jakarta')::date, 'Allocation', a.id::text, NULL, 'Pelunasan tagihan', now()
                FROM payment_allocations a JOIN payments y ON y.id = a.payment_id WHERE y.number LIKE 'BY/%'
                RETURNING id, entry_date, source_key)
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit, customer_id, location_code_id, router_id)
            SELECT e.id, e.entry_date, p, CASE p WHEN 1 THEN {Account("2-1300")} ELSE {Account("1-1300")} END,
                   CASE p WHEN 1 THEN a.amount ELSE 0 END, CASE p WHEN 2 THEN a.amount ELSE 0 END, c.id, c.location_code_id, c.router_id
            FROM e JOIN payment_allocations a ON a.id = e.source_key::bigint JOIN invoices i ON i.id = a.invoice_id JOIN customers c ON c.id = i.customer_id
            CROSS JOIN generate_series(1, 2) p;
            """;
        await db.Database.ExecuteSqlRawAsync(ledger);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_bills; DROP TABLE bench_people;");
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>What autovacuum does soon after a bulk load in production: statistics and the visibility map.</summary>
    public static async Task VacuumAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 3600 };
        await vacuum.ExecuteNonQueryAsync();
    }
}
