using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Generated books for comparing the revenue reports with a from-scratch computation: 600 customers over three locations, two routers
/// (and none) and three packages, registered from six months before the books to their end, one in twenty terminated; 20 months of
/// invoices with gaps, package changes, several subscription lines billed for several months, discounts (some larger than the
/// subscription), installation lines; then some invoices voided (a third of them un-voided) and some discount lines deleted.
/// Written set-wise, invoices and lines in separate statements, so the database keeps its totals as in a bulk run. Random but fixed
/// (setseed).
/// </summary>
public static class RevenueBooks
{
    public const int Months = 20;
    public static readonly DateOnly FirstMonth = new(2024, 1, 1);

    public static async Task InsertAsync(IspDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var first = $"{FirstMonth:yyyy-MM-dd}";
        var sql = $"""
            SELECT setseed(0.42);
            INSERT INTO location_codes (code, name, is_active, created_at)
            SELECT 'RL' || chr(64 + g), 'Lokasi ' || g, true, now() FROM generate_series(1, 3) g;
            INSERT INTO service_packages (code, name, download_mbps, upload_mbps, mikrotik_profile, monthly_price, is_taxable, is_active, created_at)
            VALUES ('RP-1', 'Paket 1', 10, 10, '10M', 150000, false, true, now()), ('RP-2', 'Paket 2', 20, 20, '20M', 200000, false, true, now()),
                   ('RP-3', 'Paket 3', 30, 30, '30M', 300000, false, true, now());
            INSERT INTO routers (code, name, location_code_id, host, api_port, use_tls, api_user, password_encrypted, isolation_method,
                                 isolation_address_list, is_active, health, consecutive_failures, created_at, updated_at)
            SELECT 'RR' || chr(64 + g), 'Router ' || g, (SELECT id FROM location_codes WHERE code = 'RL' || chr(64 + g)), '127.0.1.' || g, 8728, false, 'api', 'x',
                   'DisableSecret', 'isolir', true, 'Up', 0, now(), now()
            FROM generate_series(1, 2) g;

            CREATE TEMP TABLE rb_people AS
            SELECT g, timestamptz '{first} 00:00+07' + (floor(random() * 26 * 30) - 6 * 30) * interval '1 day' + floor(random() * 24) * interval '1 hour' AS registered_at
            FROM generate_series(1, 600) g;
            ALTER TABLE rb_people ADD COLUMN terminated_at timestamptz;
            UPDATE rb_people SET terminated_at = registered_at + (20 + floor(random() * 400)) * interval '1 day' WHERE g % 20 = 0;
            INSERT INTO customers (code, full_name, phone, status, status_changed_at, connection_state, service_package_id, location_code_id, router_id,
                                   notifications_opt_out, isolation_exempt, credit_balance, registered_at, terminated_at, created_at, updated_at)
            SELECT 'RC-' || lpad(g::text, 4, '0'), 'Pelanggan ' || g, '+62814' || lpad(g::text, 8, '0'),
                   CASE WHEN terminated_at IS NOT NULL THEN 'Terminated' ELSE 'Active' END, coalesce(terminated_at, registered_at), 'Online',
                   (SELECT id FROM service_packages WHERE code = 'RP-' || (1 + g % 3)),
                   (SELECT id FROM location_codes WHERE code = 'RL' || chr(65 + g % 3)),
                   (SELECT id FROM routers WHERE code = 'RR' || chr(64 + g % 5)),
                   false, false, 0, registered_at, terminated_at, registered_at, registered_at
            FROM rb_people;
            INSERT INTO customer_status_logs (customer_id, changed_at, kind, from_value, to_value, source)
            SELECT c.id, c.terminated_at, 'Lifecycle', 'Active', 'Terminated', 'User' FROM customers c WHERE c.code LIKE 'RC-%' AND c.terminated_at IS NOT NULL;

            CREATE TEMP TABLE rb_bills AS
            SELECT c.id AS customer_id, m, (date '{first}' + m * interval '1 month')::date AS period, random() AS r,
                   CASE WHEN random() < 0.2 THEN 1 + floor(random() * 3)::int ELSE 1 + p.g % 3 END AS package_rank
            FROM rb_people p JOIN customers c ON c.code = 'RC-' || lpad(p.g::text, 4, '0')
            CROSS JOIN generate_series(0, {Months - 1}) m
            WHERE p.registered_at < timestamptz '{first} 00:00+00' + (m + 1) * interval '1 month'
              AND (p.terminated_at IS NULL OR p.terminated_at > timestamptz '{first} 00:00+00' + m * interval '1 month');
            DELETE FROM rb_bills WHERE r < 0.12;
            ALTER TABLE rb_bills ADD COLUMN package_id integer;
            UPDATE rb_bills b SET package_id = s.id FROM service_packages s WHERE s.code = 'RP-' || b.package_rank;
            INSERT INTO invoices (number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total, amount_paid,
                                  status, created_at, updated_at)
            SELECT 'RB/' || to_char(period, 'YYMM') || '/' || customer_id, customer_id, period, period, period + 10, 0, 0, 0, 0, 0, 0, 'Unpaid', now(), now()
            FROM rb_bills;
            INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price, amount, service_package_id)
            SELECT i.id, v.position, v.kind, 'x', v.quantity, round(v.amount / v.quantity, 2), v.amount, v.package_id
            FROM rb_bills b JOIN invoices i ON i.customer_id = b.customer_id AND i.period = b.period
            JOIN service_packages s ON s.id = b.package_id
            CROSS JOIN LATERAL (VALUES
                (1, 'Subscription', CASE WHEN b.r > 0.9 THEN 3 ELSE 1 END, s.monthly_price * CASE WHEN b.r > 0.9 THEN 3 ELSE 1 END + CASE WHEN b.r > 0.95 THEN 0.01 ELSE 0 END, s.id),
                (2, 'Subscription', 1, 50000.00, (SELECT id FROM service_packages WHERE code = 'RP-1')),
                (3, 'Discount', 1, round((random() * 1.2 * s.monthly_price)::numeric, -3), NULL),
                (4, 'Installation', 1, 150000.00, s.id)
            ) v(position, kind, quantity, amount, package_id)
            WHERE v.position = 1 OR (v.position = 2 AND b.r BETWEEN 0.2 AND 0.3) OR (v.position = 3 AND b.r BETWEEN 0.3 AND 0.45)
               OR (v.position = 4 AND b.r BETWEEN 0.12 AND 0.2);
            UPDATE invoices SET status = 'Void', void_reason = 'uji', voided_at = now()
            WHERE id IN (SELECT i.id FROM invoices i JOIN rb_bills b ON b.customer_id = i.customer_id AND b.period = i.period WHERE b.r BETWEEN 0.45 AND 0.5);
            UPDATE invoices SET status = 'Unpaid', void_reason = NULL, voided_at = NULL
            WHERE status = 'Void' AND id % 3 = 0;
            DELETE FROM invoice_lines WHERE kind = 'Discount' AND id % 4 = 0;
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
