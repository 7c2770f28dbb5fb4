using IspPortal.Core.Common;
using IspPortal.Core.Reports.Revenue;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Reports;

/// <summary>
/// The revenue reports' aggregates in PostgreSQL, one statement each, grouped in the database, over the customer-month MRR the
/// database keeps (<see cref="CustomerMonthRevenue"/>, table <c>customer_month_revenues</c>; <see cref="MrrMovement"/> defines it):
/// a report reads the paying rows of its months only, never every invoice line.
/// </summary>
public sealed class PostgresRevenueQueries(IIspDbFactory dbs) : IRevenueQueries
{
    // The customers the filters keep (alias c); parameters @location, @router, @package (null: any).
    private const string Filter = """
        (@location IS NULL OR c.location_code_id = @location)
        AND (@router IS NULL OR c.router_id = @router)
        AND (@package IS NULL OR c.service_package_id = @package)
        """;

    // The paying customer-months (alias r) of the customers the filters keep; without a filter no customer is looked up.
    private const string Filtered = $"r.customer_id IN (SELECT c.id FROM customers c WHERE {Filter})";

    // Each customer's paying months from the month before the range to its end, beside the paying month before and after (within
    // those months). A paying month in the range is its customer's first ever when there is none before it here and none earlier
    // (an index probe, only for those rows). The month after a paying month that pays nothing is a churn (prev > 0, cur = 0).
    private static string MovementSql(string paying, string customers) => $"""
        WITH seq AS (
            SELECT r.customer_id, r.month, r.mrr,
                   lag(r.month) OVER w AS before, lag(r.mrr) OVER w AS before_mrr, lead(r.month) OVER w AS after
            FROM customer_month_revenues r
            WHERE r.mrr > 0 AND r.month >= (@from - interval '1 month')::date AND r.month <= @to AND {paying}
            WINDOW w AS (PARTITION BY r.customer_id ORDER BY r.month)
        ), pairs AS (
            SELECT s.month, s.mrr AS cur,
                   CASE WHEN s.before = (s.month - interval '1 month')::date THEN s.before_mrr ELSE 0 END AS prev,
                   CASE WHEN s.before IS NOT NULL THEN false
                        ELSE NOT EXISTS (SELECT 1 FROM customer_month_revenues e
                                         WHERE e.customer_id = s.customer_id AND e.mrr > 0 AND e.month < (@from - interval '1 month')::date)
                   END AS first
            FROM seq s WHERE s.month >= @from
            UNION ALL
            SELECT (s.month + interval '1 month')::date, 0, s.mrr, false
            FROM seq s WHERE s.month < @to AND (s.after IS NULL OR s.after <> (s.month + interval '1 month')::date)
        ), moves AS (
            SELECT p.month,
                   sum(p.cur) AS mrr, sum(p.prev) AS opening,
                   sum(p.cur) FILTER (WHERE p.prev = 0 AND p.first) AS new,
                   sum(p.cur) FILTER (WHERE p.prev = 0 AND p.cur > 0 AND NOT p.first) AS reactivated,
                   sum(p.cur - p.prev) FILTER (WHERE p.prev > 0 AND p.cur > p.prev) AS expansion,
                   sum(p.prev - p.cur) FILTER (WHERE p.cur > 0 AND p.cur < p.prev) AS contraction,
                   sum(p.prev) FILTER (WHERE p.cur = 0) AS churned,
                   count(*) FILTER (WHERE p.cur > 0) AS active,
                   count(*) FILTER (WHERE p.prev > 0) AS active_start,
                   count(*) FILTER (WHERE p.prev = 0 AND p.first) AS new_customers,
                   count(*) FILTER (WHERE p.prev = 0 AND p.cur > 0 AND NOT p.first) AS reactivated_customers,
                   count(*) FILTER (WHERE p.prev > 0 AND p.cur > p.prev) AS expansion_customers,
                   count(*) FILTER (WHERE p.cur > 0 AND p.cur < p.prev) AS contraction_customers,
                   count(*) FILTER (WHERE p.cur = 0) AS churned_customers
            FROM pairs p
            GROUP BY p.month
        ), registered AS (
            SELECT width_bucket(c.registered_at, @bounds) AS n, count(*) AS customers
            FROM customers c
            WHERE c.registered_at >= @bounds[1] AND c.registered_at < @bounds[cardinality(@bounds)] AND {customers}
            GROUP BY 1
        ), terminated AS (
            SELECT width_bucket(s.changed_at, @bounds) AS n, count(DISTINCT s.customer_id) AS customers
            FROM customer_status_logs s
            JOIN customers c ON c.id = s.customer_id
            WHERE s.kind = 'Lifecycle' AND s.to_value = 'Terminated'
              AND s.changed_at >= @bounds[1] AND s.changed_at < @bounds[cardinality(@bounds)] AND {customers}
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
            SELECT r.customer_id, (extract(year FROM r.month) * 12 + extract(month FROM r.month))::int
                   - (extract(year FROM @from) * 12 + extract(month FROM @from))::int AS n
            FROM customer_month_revenues r
            WHERE r.mrr > 0 AND r.month >= @from AND r.month <= @to AND r.customer_id IN (SELECT id FROM co)
        )
        SELECT cohort, -1, count(*)::int FROM co GROUP BY cohort
        UNION ALL
        SELECT co.cohort, p.n - co.cohort, count(*)::int
        FROM co JOIN paid p ON p.customer_id = co.id
        WHERE p.n - co.cohort BETWEEN 0 AND @months - 1
        GROUP BY co.cohort, p.n - co.cohort
        """;

    private static string MixSql(string paying) => $"""
        WITH paid AS (
            SELECT r.customer_id, r.mrr, r.package_id
            FROM customer_month_revenues r
            WHERE r.mrr > 0 AND r.month = @from AND {paying}
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

    private static readonly string MovementAll = MovementSql("true", "true");
    private static readonly string MovementFiltered = MovementSql(Filtered, Filter);
    private static readonly string MixAll = MixSql("true");
    private static readonly string MixFiltered = MixSql(Filtered);

    public async Task<IReadOnlyList<MovementRow>> MovementAsync(MonthRange range, IReadOnlyList<DateTimeOffset> bounds, RevenueFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<MovementRow>();
        await ReadAsync(IsNone(filter) ? MovementAll : MovementFiltered, range.From, range.To, filter, reader => rows.Add(new MovementRow(
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
        await ReadAsync(IsNone(filter) ? MixAll : MixFiltered, month, month, filter, reader => rows.Add(new MixRow(
            (MixDimension)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetDecimal(4))),
            [], cancellationToken);
        return rows;
    }

    private static bool IsNone(RevenueFilter filter) => filter is { LocationId: null, RouterId: null, PackageId: null };

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
