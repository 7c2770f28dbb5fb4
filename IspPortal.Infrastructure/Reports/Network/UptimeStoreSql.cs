namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// The SQL of the stored uptime days (tables <c>uptime_days</c>, <c>uptime_customer_days</c>, <c>uptime_customer_months</c>): the job's
/// minutes per customer and day, computed by <see cref="NetworkTrendSql.Spans"/> with each day its own window (so each day is counted
/// exactly as the report over that day alone counts it), and the reports' reads of them beside the days computed live.
/// </summary>
internal static class UptimeStoreSql
{
    /// <summary>
    /// The logs the days' spans read: those inside the batch and, of the later ones, only each customer's and kind's first (its
    /// <c>from_value</c> is the state at the batch's end; the rest cannot change the batch's days).
    /// </summary>
    private const string BatchLogs = """
        FROM (
            SELECT * FROM customer_status_logs WHERE changed_at >= @start AND changed_at < @end
            UNION ALL
            (SELECT DISTINCT ON (customer_id, kind) * FROM customer_status_logs WHERE changed_at >= @end ORDER BY customer_id, kind, changed_at, id)
        ) l JOIN c ON c.id = l.customer_id CROSS JOIN b
        """;

    private static string WithBatchLogs(string spans)
    {
        const string all = "FROM customer_status_logs l JOIN c ON c.id = l.customer_id CROSS JOIN b";
        if (!spans.Contains(all, StringComparison.Ordinal))
            throw new InvalidOperationException("The trend's spans no longer read the logs as the batch expects.");
        return spans.Replace(all, BatchLogs.Trim(), StringComparison.Ordinal);
    }

    /// <summary>Seconds Active and lost per customer and window (<c>i</c>, the window's number from 1). Parameters as the trend's.</summary>
    public static readonly string DayMinutes = WithBatchLogs(NetworkTrendSql.Spans) + """
        , m AS (
            SELECT p.customer_id, p.active, p.active * (coalesce(p.offline, '{}'::tstzmultirange) + coalesce(d.spans, '{}'::tstzmultirange)) AS lost
            FROM per p LEFT JOIN down d ON d.router_id = p.router_id
            WHERE p.active IS NOT NULL
        ), pieces AS (
            SELECT m.customer_id, true AS active, x FROM m CROSS JOIN LATERAL unnest(m.active) AS x
            UNION ALL
            SELECT m.customer_id, false, x FROM m CROSS JOIN LATERAL unnest(m.lost) AS x
        )
        SELECT p.customer_id, w.i,
               coalesce(sum(extract(epoch FROM upper(p.x * w.win) - lower(p.x * w.win))) FILTER (WHERE p.active), 0) AS active,
               coalesce(sum(extract(epoch FROM upper(p.x * w.win) - lower(p.x * w.win))) FILTER (WHERE NOT p.active), 0) AS lost
        FROM pieces p JOIN w ON p.x && w.win
        GROUP BY p.customer_id, w.i
        UNION ALL
        SELECT customer_id, i, active, CASE WHEN offline THEN active ELSE 0 END FROM still
        """;

    /// <summary>The batch's days (@days date[], @month, @clear: the bits of the days computed) replace what was stored of them.</summary>
    public const string StoreBatch = """
        DELETE FROM uptime_customer_days WHERE day = ANY(@days);
        INSERT INTO uptime_customer_days (day, customer_id, active_seconds, lost_seconds)
        SELECT (@days)[b.i], b.customer_id, b.active, b.lost FROM uptime_batch b
        WHERE b.active > 0 AND NOT (b.active = 86400 AND b.lost = 0);
        UPDATE uptime_customer_months SET plain_days = plain_days & ~@clear WHERE month = @month AND plain_days & @clear <> 0;
        INSERT INTO uptime_customer_months (month, customer_id, plain_days, active_seconds, lost_seconds)
        SELECT @month, b.customer_id, bit_or(1 << (extract(day FROM (@days)[b.i])::int - 1)), 0, 0 FROM uptime_batch b
        WHERE b.active = 86400 AND b.lost = 0
        GROUP BY b.customer_id
        ON CONFLICT (month, customer_id) DO UPDATE SET plain_days = uptime_customer_months.plain_days | excluded.plain_days;
        INSERT INTO uptime_customer_months (month, customer_id, plain_days, active_seconds, lost_seconds)
        SELECT @month, coalesce(m.customer_id, e.customer_id), coalesce(m.plain_days, 0),
               86400 * bit_count(coalesce(m.plain_days, 0)::bit(32)) + coalesce(e.active, 0), coalesce(e.lost, 0)
        FROM (SELECT customer_id, plain_days FROM uptime_customer_months WHERE month = @month) m
        FULL JOIN (SELECT customer_id, sum(active_seconds) AS active, sum(lost_seconds) AS lost FROM uptime_customer_days
                   WHERE day >= @month AND day < @month + interval '1 month' GROUP BY customer_id) e ON e.customer_id = m.customer_id
        ON CONFLICT (month, customer_id) DO UPDATE SET active_seconds = excluded.active_seconds, lost_seconds = excluded.lost_seconds;
        INSERT INTO uptime_days (day, zone, starts_at, ends_at, computed_at)
        SELECT x.day, @zone, x.s, x.e, @now FROM unnest(@days, @starts, @ends) AS x(day, s, e)
        ON CONFLICT (day) DO UPDATE SET zone = excluded.zone, starts_at = excluded.starts_at, ends_at = excluded.ends_at, computed_at = excluded.computed_at;
        """;

    /// <summary>
    /// Days a dirty span overlaps are no longer stored, and the spans go (in a repeatable-read transaction: spans appended meanwhile stay);
    /// days before @first (the horizon) are forgotten.
    /// </summary>
    public const string Sweep = """
        DELETE FROM uptime_days d USING uptime_dirty_spans x
        WHERE (x.starts_at IS NULL OR x.starts_at < d.ends_at) AND (x.ends_at IS NULL OR x.ends_at >= d.starts_at);
        DELETE FROM uptime_dirty_spans;
        DELETE FROM uptime_days WHERE day < @first;
        DELETE FROM uptime_customer_days WHERE day < @first;
        DELETE FROM uptime_customer_months WHERE month < date_trunc('month', @first)::date;
        """;

    /// <summary>The stored days between @from and @to in zone @zone that no dirty span overlaps: the ones a report may read.</summary>
    public const string CleanDays = """
        SELECT d.day FROM uptime_days d
        WHERE d.day BETWEEN @from AND @to AND d.zone = @zone
          AND NOT EXISTS (SELECT 1 FROM uptime_dirty_spans x
                          WHERE (x.starts_at IS NULL OR x.starts_at < d.ends_at) AND (x.ends_at IS NULL OR x.ends_at >= d.starts_at))
        """;

    /// <summary>
    /// The stored seconds (r: the range, customer_id, a: Active, l: lost) of the customers in <c>cs</c>: whole months (@whole_months,
    /// @whole_ranges), the plain days of other months (@part_months, @part_masks, @part_month_ranges) and their other days (@part_days,
    /// @part_day_ranges).
    /// </summary>
    public const string Stored = """
        cs AS (
            SELECT id FROM customers
            WHERE (@router IS NULL OR router_id = @router) AND (@location IS NULL OR location_code_id = @location)
        ), stored AS (
            SELECT x.r, m.customer_id, m.active_seconds AS a, m.lost_seconds AS l
            FROM unnest(@whole_months, @whole_ranges) AS x(month, r) JOIN uptime_customer_months m ON m.month = x.month
            JOIN cs ON cs.id = m.customer_id
            UNION ALL
            SELECT x.r, m.customer_id, 86400 * bit_count((m.plain_days & x.mask)::bit(32)), 0
            FROM unnest(@part_months, @part_masks, @part_month_ranges) AS x(month, mask, r) JOIN uptime_customer_months m ON m.month = x.month
            JOIN cs ON cs.id = m.customer_id
            WHERE m.plain_days & x.mask <> 0
            UNION ALL
            SELECT x.r, d.customer_id, d.active_seconds, d.lost_seconds
            FROM unnest(@part_days, @part_day_ranges) AS x(day, r) JOIN uptime_customer_days d ON d.day = x.day
            JOIN cs ON cs.id = d.customer_id
        )
        """;

    /// <summary>Σ stored Active and lost minutes per range.</summary>
    public const string StoredRanges = "WITH " + Stored + """
        SELECT r, sum(a) / 60, sum(l) / 60 FROM stored GROUP BY r
        """;

    /// <summary>
    /// The customer page of <see cref="NetworkSql.CustomerUptime"/> from the stored days plus the live ones (@starts, @ends: the days not
    /// stored, as the trend's windows); @live false when every day is stored (the live part then reads nothing).
    /// </summary>
    public static readonly string CustomerUptime = NetworkTrendSql.Spans + ", " + Stored + $"""
        , live AS (
            SELECT p.customer_id, {NetworkSql.Seconds("p.active")} AS a,
                   {NetworkSql.Seconds("p.active * (coalesce(p.offline, '{}'::tstzmultirange) + coalesce(d.spans, '{}'::tstzmultirange))")} AS l
            FROM per p LEFT JOIN down d ON d.router_id = p.router_id
            WHERE p.active IS NOT NULL
        ), sums AS (
            SELECT customer_id, sum(a) / 60 AS service, sum(l) / 60 AS lost
            FROM (SELECT customer_id, a, l FROM live
                  UNION ALL SELECT customer_id, active, CASE WHEN offline THEN active ELSE 0 END FROM still
                  UNION ALL SELECT customer_id, a, l FROM stored) x
            GROUP BY customer_id
        ), t AS (
            SELECT k.id, k.code, k.full_name, k.router_id, r.name AS router, l.name AS location, s.service, s.lost
            FROM sums s JOIN customers k ON k.id = s.customer_id JOIN location_codes l ON l.id = k.location_code_id
            LEFT JOIN routers r ON r.id = k.router_id
        )
        SELECT id, code, full_name, router_id, router, location, service, lost,
               count(*) OVER ()::int, sum(service) OVER (), sum(lost) OVER ()
        FROM t WHERE service > 0
        ORDER BY lost DESC, code
        LIMIT @rows
        """;
}
