using IspPortal.Core.Common;
using IspPortal.Core.Reports.Revenue;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The revenue queries as they were before customer_month_revenues: every customer-month computed from all invoices and their lines on
/// each request. Kept as the from-scratch reference the reports over the kept table must equal (<see cref="CustomerMonthRevenueTests"/>).
/// </summary>
public sealed class ReferenceRevenueQueries(IIspDbFactory dbs) : IRevenueQueries
{
    // The customers the filters keep (alias c); parameters @location, @router, @package (null: any).
    private const string Filter = """
        (@location IS NULL OR c.location_code_id = @location)
        AND (@router IS NULL OR c.router_id = @router)
        AND (@package IS NULL OR c.service_package_id = @package)
        """;

    // A customer-month's MRR: subscription per month less discounts, of the non-void invoices of the period, never below zero.
    private const string Mrr = "GREATEST(sum(CASE WHEN l.kind = 'Subscription' THEN round(l.amount / l.quantity, 2) ELSE -l.amount END), 0)";

    private const string Recurring = "i.status <> 'Void' AND l.kind IN ('Subscription', 'Discount')";

    private const string MovementSql = $"""
        WITH paid AS (
            SELECT i.customer_id, i.period AS month, {Mrr} AS mrr
            FROM invoices i
            JOIN invoice_lines l ON l.invoice_id = i.id
            JOIN customers c ON c.id = i.customer_id
            WHERE {Recurring} AND i.period <= @to AND {Filter}
            GROUP BY i.customer_id, i.period
            HAVING {Mrr} > 0
        ), firsts AS (
            SELECT customer_id, min(month) AS first FROM paid GROUP BY customer_id
        ), pairs AS (
            SELECT coalesce(cur.customer_id, prev.customer_id) AS customer_id, coalesce(cur.month, prev.next) AS month,
                   coalesce(cur.mrr, 0) AS cur, coalesce(prev.mrr, 0) AS prev
            FROM (SELECT customer_id, month, mrr FROM paid WHERE month >= @from) cur
            FULL JOIN (SELECT customer_id, (month + interval '1 month')::date AS next, mrr FROM paid
                       WHERE month >= (@from - interval '1 month')::date AND month < @to) prev
              ON prev.customer_id = cur.customer_id AND prev.next = cur.month
        ), moves AS (
            SELECT p.month,
                   sum(p.cur) AS mrr, sum(p.prev) AS opening,
                   sum(p.cur) FILTER (WHERE p.prev = 0 AND f.first = p.month) AS new,
                   sum(p.cur) FILTER (WHERE p.prev = 0 AND f.first < p.month) AS reactivated,
                   sum(p.cur - p.prev) FILTER (WHERE p.prev > 0 AND p.cur > p.prev) AS expansion,
                   sum(p.prev - p.cur) FILTER (WHERE p.cur > 0 AND p.cur < p.prev) AS contraction,
                   sum(p.prev) FILTER (WHERE p.cur = 0) AS churned,
                   count(*) FILTER (WHERE p.cur > 0) AS active,
                   count(*) FILTER (WHERE p.prev > 0) AS active_start,
                   count(*) FILTER (WHERE p.prev = 0 AND f.first = p.month) AS new_customers,
                   count(*) FILTER (WHERE p.prev = 0 AND f.first < p.month) AS reactivated_customers,
                   count(*) FILTER (WHERE p.prev > 0 AND p.cur > p.prev) AS expansion_customers,
                   count(*) FILTER (WHERE p.cur > 0 AND p.cur < p.prev) AS contraction_customers,
                   count(*) FILTER (WHERE p.cur = 0) AS churned_customers
            FROM pairs p JOIN firsts f ON f.customer_id = p.customer_id
            GROUP BY p.month
        ), registered AS (
            SELECT width_bucket(c.registered_at, @bounds) AS n, count(*) AS customers
            FROM customers c
            WHERE c.registered_at >= @bounds[1] AND c.registered_at < @bounds[cardinality(@bounds)] AND {Filter}
            GROUP BY 1
        ), terminated AS (
            SELECT width_bucket(s.changed_at, @bounds) AS n, count(DISTINCT s.customer_id) AS customers
            FROM customer_status_logs s
            JOIN customers c ON c.id = s.customer_id
            WHERE s.kind = 'Lifecycle' AND s.to_value = 'Terminated'
              AND s.changed_at >= @bounds[1] AND s.changed_at < @bounds[cardinality(@bounds)] AND {Filter}
            GROUP BY 1
        )
        SELECT g.month::date, coalesce(m.mrr, 0), coalesce(m.opening, 0), coalesce(m.new, 0), coalesce(m.reactivated, 0),
               coalesce(m.expansion, 0), coalesce(m.contraction, 0), coalesce(m.churned, 0),
               coalesce(m.active, 0)::int, coalesce(m.active_start, 0)::int, coalesce(m.new_customers, 0)::int,
               coalesce(m.reactivated_customers, 0)::int, coalesce(m.expansion_customers, 0)::int, coalesce(m.contraction_customers, 0)::int,
               coalesce(m.churned_customers, 0)::int, coalesce(r.customers, 0)::int, coalesce(t.customers, 0)::int
        FROM generate_series(@from::timestamp, @to::timestamp, interval '1 month') WITH ORDINALITY AS g(month, n)
        LEFT JOIN moves m ON m.month = g.month::date
        LEFT JOIN registered r ON r.n = g.n
        LEFT JOIN terminated t ON t.n = g.n
        ORDER BY g.month
        """;

    private const string CohortSql = $"""
        WITH co AS (
            SELECT c.id, width_bucket(c.registered_at, @bounds) - 1 AS cohort
            FROM customers c
            WHERE c.registered_at >= @bounds[1] AND c.registered_at < @bounds[cardinality(@bounds)] AND {Filter}
        ), paid AS (
            SELECT i.customer_id, (extract(year FROM i.period) * 12 + extract(month FROM i.period))::int
                   - (extract(year FROM @from) * 12 + extract(month FROM @from))::int AS n
            FROM invoices i
            JOIN invoice_lines l ON l.invoice_id = i.id
            WHERE {Recurring} AND i.period >= @from AND i.period <= @to AND i.customer_id IN (SELECT id FROM co)
            GROUP BY i.customer_id, i.period
            HAVING {Mrr} > 0
        )
        SELECT cohort, -1, count(*)::int FROM co GROUP BY cohort
        UNION ALL
        SELECT co.cohort, p.n - co.cohort, count(*)::int
        FROM co JOIN paid p ON p.customer_id = co.id
        WHERE p.n - co.cohort BETWEEN 0 AND @months - 1
        GROUP BY co.cohort, p.n - co.cohort
        """;

    private const string MixSql = $"""
        WITH paid AS (
            SELECT i.customer_id, {Mrr} AS mrr,
                   (array_agg(l.service_package_id ORDER BY l.amount DESC, l.id) FILTER (WHERE l.kind = 'Subscription'))[1] AS package_id
            FROM invoices i
            JOIN invoice_lines l ON l.invoice_id = i.id
            JOIN customers c ON c.id = i.customer_id
            WHERE {Recurring} AND i.period = @from AND {Filter}
            GROUP BY i.customer_id
            HAVING {Mrr} > 0
        )
        SELECT 0, p.id, coalesce(p.name, 'Tanpa paket'), count(*)::int, sum(paid.mrr)
        FROM paid LEFT JOIN service_packages p ON p.id = paid.package_id GROUP BY p.id, p.name
        UNION ALL
        SELECT 1, lc.id, lc.name, count(*)::int, sum(paid.mrr)
        FROM paid JOIN customers c ON c.id = paid.customer_id JOIN location_codes lc ON lc.id = c.location_code_id GROUP BY lc.id, lc.name
        UNION ALL
        SELECT 2, r.id, coalesce(r.name, 'Tanpa router'), count(*)::int, sum(paid.mrr)
        FROM paid JOIN customers c ON c.id = paid.customer_id LEFT JOIN routers r ON r.id = c.router_id GROUP BY r.id, r.name
        """;

    public async Task<IReadOnlyList<MovementRow>> MovementAsync(MonthRange range, IReadOnlyList<DateTimeOffset> bounds, RevenueFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<MovementRow>();
        await ReadAsync(MovementSql, range.From, range.To, filter, reader => rows.Add(new MovementRow(
            DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4),
            reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10),
            reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetInt32(16))),
            [Bounds(bounds)], cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<CohortCell>> CohortsAsync(MonthRange range, IReadOnlyList<DateTimeOffset> bounds, int months, RevenueFilter filter, CancellationToken cancellationToken)
    {
        var cells = new List<CohortCell>();
        await ReadAsync(CohortSql, range.From, range.To, filter,
            reader => cells.Add(new CohortCell(range.From.AddMonths(reader.GetInt32(0)), reader.GetInt32(1), reader.GetInt32(2))),
            [Bounds(bounds), new NpgsqlParameter("months", NpgsqlDbType.Integer) { Value = months }], cancellationToken);
        return cells;
    }

    public async Task<IReadOnlyList<MixRow>> MixAsync(DateOnly month, RevenueFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<MixRow>();
        await ReadAsync(MixSql, month, month, filter, reader => rows.Add(new MixRow(
            (MixDimension)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetDecimal(4))),
            [], cancellationToken);
        return rows;
    }

    private static NpgsqlParameter Bounds(IReadOnlyList<DateTimeOffset> bounds) =>
        new("bounds", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = bounds.Select(b => b.ToUniversalTime()).ToArray() };

    private async Task ReadAsync(string sql, DateOnly from, DateOnly to, RevenueFilter filter, Action<NpgsqlDataReader> row,
        NpgsqlParameter[] more, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to });
        command.Parameters.Add(Number("location", filter.LocationId));
        command.Parameters.Add(Number("router", filter.RouterId));
        command.Parameters.Add(Number("package", filter.PackageId));
        command.Parameters.AddRange(more);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            row(reader);
    }

    private static NpgsqlParameter Number(string name, int? value) =>
        new(name, NpgsqlDbType.Integer) { Value = value is { } v ? v : DBNull.Value };
}
