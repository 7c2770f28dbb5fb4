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

    // Per month: the paying customers' MRR and count (also the month before the range: the opening is the month before's MRR, over
    // the same customers), one index-only range per month; and the rows whose MRR changed from the month before (previous_mrr, kept
    // with each row), classified. A change from nothing is new when the customer never paid before (an index probe, only for those).
    private static string MovementSql(string paying, string customers) => $"""
        WITH totals AS (
            SELECT g.month::date AS month, p.mrr, p.active
            FROM generate_series((@from - interval '1 month')::timestamp, @to::timestamp, interval '1 month') g(month)
            CROSS JOIN LATERAL (
                SELECT sum(r.mrr) AS mrr, count(*) AS active FROM customer_month_revenues r
                WHERE r.mrr > 0 AND r.month = g.month::date AND {paying}
            ) p
        ), changes AS MATERIALIZED (
            SELECT r.month, r.mrr AS cur, r.previous_mrr AS prev,
                   r.previous_mrr = 0 AND NOT EXISTS (SELECT 1 FROM customer_month_revenues e
                                                      WHERE e.customer_id = r.customer_id AND e.mrr > 0 AND e.month < r.month) AS first
            FROM customer_month_revenues r
            WHERE r.mrr <> r.previous_mrr AND r.month >= @from AND r.month <= @to AND {paying}
        ), moves AS (
            SELECT c.month,
                   sum(c.cur) FILTER (WHERE c.first) AS new,
                   sum(c.cur) FILTER (WHERE c.prev = 0 AND NOT c.first) AS reactivated,
                   sum(c.cur - c.prev) FILTER (WHERE c.prev > 0 AND c.cur > c.prev) AS expansion,
                   sum(c.prev - c.cur) FILTER (WHERE c.cur > 0 AND c.cur < c.prev) AS contraction,
                   sum(c.prev) FILTER (WHERE c.cur = 0) AS churned,
                   count(*) FILTER (WHERE c.first) AS new_customers,
                   count(*) FILTER (WHERE c.prev = 0 AND NOT c.first) AS reactivated_customers,
                   count(*) FILTER (WHERE c.prev > 0 AND c.cur > c.prev) AS expansion_customers,
                   count(*) FILTER (WHERE c.cur > 0 AND c.cur < c.prev) AS contraction_customers,
                   count(*) FILTER (WHERE c.cur = 0) AS churned_customers
            FROM changes c
            GROUP BY c.month
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
        SELECT g.month::date, coalesce(t.mrr, 0), coalesce(o.mrr, 0), coalesce(m.new, 0), coalesce(m.reactivated, 0),
               coalesce(m.expansion, 0), coalesce(m.contraction, 0), coalesce(m.churned, 0),
               coalesce(t.active, 0)::int, coalesce(o.active, 0)::int, coalesce(m.new_customers, 0)::int,
               coalesce(m.reactivated_customers, 0)::int, coalesce(m.expansion_customers, 0)::int, coalesce(m.contraction_customers, 0)::int,
               coalesce(m.churned_customers, 0)::int, coalesce(r.customers, 0)::int, coalesce(d.customers, 0)::int
        FROM generate_series(@from::timestamp, @to::timestamp, interval '1 month') WITH ORDINALITY AS g(month, n)
        LEFT JOIN totals t ON t.month = g.month::date
        LEFT JOIN totals o ON o.month = (g.month - interval '1 month')::date
        LEFT JOIN moves m ON m.month = g.month::date
        LEFT JOIN registered r ON r.n = g.n
        LEFT JOIN terminated d ON d.n = g.n
        ORDER BY g.month
        """;

    // The cohorts' customers, each with their paying months of the range (index-only by customer).
    private const string CohortSql = $"""
        WITH co AS MATERIALIZED (
            SELECT c.id, width_bucket(c.registered_at, @bounds) - 1 AS cohort
            FROM customers c
            WHERE c.registered_at >= @bounds[1] AND c.registered_at < @bounds[cardinality(@bounds)] AND {Filter}
        ), paid AS (
            SELECT co.cohort, (date_part('year', r.month) * 12 + date_part('month', r.month))::int
                   - (date_part('year', @from) * 12 + date_part('month', @from))::int - co.cohort AS since
            FROM co JOIN customer_month_revenues r ON r.customer_id = co.id
            WHERE r.mrr > 0 AND r.month >= @from AND r.month <= @to
        )
        SELECT cohort, -1, count(*)::int FROM co GROUP BY cohort
        UNION ALL
        SELECT cohort, since, count(*)::int FROM paid WHERE since BETWEEN 0 AND @months - 1 GROUP BY cohort, since
        """;

    // The month's paying customers with their package billed (index-only) and their location and router (customers read once).
    private static string MixSql(string filter) => $"""
        WITH paid AS MATERIALIZED (
            SELECT r.mrr, r.package_id, c.location_code_id, c.router_id
            FROM customer_month_revenues r JOIN customers c ON c.id = r.customer_id
            WHERE r.mrr > 0 AND r.month = @from AND {filter}
        )
        SELECT 0, p.id, coalesce(p.name, 'Tanpa paket'), count(*)::int, sum(paid.mrr)
        FROM paid LEFT JOIN service_packages p ON p.id = paid.package_id GROUP BY p.id, p.name
        UNION ALL
        SELECT 1, lc.id, lc.name, count(*)::int, sum(paid.mrr)
        FROM paid JOIN location_codes lc ON lc.id = paid.location_code_id GROUP BY lc.id, lc.name
        UNION ALL
        SELECT 2, r.id, coalesce(r.name, 'Tanpa router'), count(*)::int, sum(paid.mrr)
        FROM paid LEFT JOIN routers r ON r.id = paid.router_id GROUP BY r.id, r.name
        """;

    private static readonly string MovementAll = MovementSql("true", "true");
    private static readonly string MovementFiltered = MovementSql(Filtered, Filter);
    private static readonly string MixAll = MixSql("true");
    private static readonly string MixFiltered = MixSql(Filter);

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
