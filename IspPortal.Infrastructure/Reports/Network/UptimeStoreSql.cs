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
        SELECT customer_id, i, active, lost FROM still
        """;

    /// <summary>
    /// The batch's days (@days date[], @month, @clear: the bits of the days computed) replace what was stored of them; then every customer's
    /// months from their first to the last stored one get a row (zeros where nothing counted), the running totals are recomputed from
    /// @month on (from the month before's, right as every earlier month is), and each day keeps the network's totals.
    /// </summary>
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
        -- Fresh statistics: a first fill grows the table from nothing within one run, and with an empty table's estimates the running
        -- totals' join below became nested loops over every customer twice.
        ANALYZE uptime_customer_months;
        INSERT INTO uptime_customer_months (month, customer_id, plain_days, active_seconds, lost_seconds)
        SELECT g.month::date, f.customer_id, 0, 0, 0
        FROM (SELECT customer_id, min(month) AS first FROM uptime_customer_months GROUP BY customer_id) f
        CROSS JOIN LATERAL generate_series(greatest(f.first, @month), (SELECT max(month) FROM uptime_customer_months), interval '1 month') AS g(month)
        ON CONFLICT (month, customer_id) DO NOTHING;
        UPDATE uptime_customer_months u SET cum_active_seconds = x.ca, cum_lost_seconds = x.cl
        FROM (SELECT m.month, m.customer_id,
                     coalesce(p.cum_active_seconds, 0) + sum(m.active_seconds) OVER k AS ca, coalesce(p.cum_lost_seconds, 0) + sum(m.lost_seconds) OVER k AS cl
              FROM uptime_customer_months m
              LEFT JOIN uptime_customer_months p ON p.month = (@month - interval '1 month')::date AND p.customer_id = m.customer_id
              WHERE m.month >= @month
              WINDOW k AS (PARTITION BY m.customer_id ORDER BY m.month)) x
        WHERE u.month = x.month AND u.customer_id = x.customer_id
          AND (u.cum_active_seconds, u.cum_lost_seconds) IS DISTINCT FROM (x.ca, x.cl);
        INSERT INTO uptime_days (day, zone, starts_at, ends_at, computed_at, active_seconds, lost_seconds)
        SELECT x.day, @zone, x.s, x.e, @now, coalesce(t.a, 0), coalesce(t.l, 0)
        FROM unnest(@days, @starts, @ends) WITH ORDINALITY AS x(day, s, e, i)
        LEFT JOIN (SELECT i, sum(active) AS a, sum(lost) AS l FROM uptime_batch GROUP BY i) t ON t.i = x.i
        ON CONFLICT (day) DO UPDATE SET zone = excluded.zone, starts_at = excluded.starts_at, ends_at = excluded.ends_at, computed_at = excluded.computed_at,
            active_seconds = excluded.active_seconds, lost_seconds = excluded.lost_seconds;
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
    /// The stored seconds (r: the range, customer_id, a: Active, l: lost) of the customers in <c>cs</c> (every customer without a filter):
    /// runs of whole months (@run_firsts, @run_lasts, @run_ranges: the running totals at the last less those before the first), the plain
    /// days of other months (@part_months, @part_masks, @part_month_ranges) and their other days (@part_days, @part_day_ranges). The
    /// <c>= ANY</c> conditions repeat the joins' for the planner, which reads only those months and days through the keys then.
    /// </summary>
    private static string Stored(bool filtered)
    {
        string Of(string alias) => filtered ? $"JOIN cs ON cs.id = {alias}.customer_id" : "";
        return (filtered ? """
            cs AS (
                SELECT id FROM customers
                WHERE (@router IS NULL OR router_id = @router) AND (@location IS NULL OR location_code_id = @location)
            ), 
            """ : "") + $"""
            stored AS (
                SELECT x.r, b.customer_id, b.cum_active_seconds - coalesce(a.cum_active_seconds - a.active_seconds, 0) AS a,
                       b.cum_lost_seconds - coalesce(a.cum_lost_seconds - a.lost_seconds, 0) AS l
                FROM unnest(@run_firsts, @run_lasts, @run_ranges) AS x(first, last, r)
                JOIN uptime_customer_months b ON b.month = x.last {Of("b")}
                LEFT JOIN (SELECT * FROM uptime_customer_months WHERE month = ANY(@run_firsts)) a ON a.month = x.first AND a.customer_id = b.customer_id
                WHERE b.month = ANY(@run_lasts)
                UNION ALL
                SELECT x.r, m.customer_id, 86400 * bit_count((m.plain_days & x.mask)::bit(32)), 0
                FROM unnest(@part_months, @part_masks, @part_month_ranges) AS x(month, mask, r) JOIN uptime_customer_months m ON m.month = x.month
                {Of("m")}
                WHERE m.month = ANY(@part_months) AND m.plain_days & x.mask <> 0
                UNION ALL
                SELECT x.r, d.customer_id, d.active_seconds, d.lost_seconds
                FROM unnest(@part_days, @part_day_ranges) AS x(day, r) JOIN uptime_customer_days d ON d.day = x.day
                {Of("d")}
                WHERE d.day = ANY(@part_days)
            )
            """;
    }

    /// <summary>Σ stored Active and lost minutes per range, of the customers in the filter.</summary>
    public static readonly string StoredRanges = "WITH " + Stored(filtered: true) + """
        SELECT r, sum(a) / 60, sum(l) / 60 FROM stored GROUP BY r
        """;

    /// <summary>Σ stored Active and lost minutes per range of the whole network, from the days' totals (@stored_days, @stored_day_ranges).</summary>
    public const string NetworkRanges = """
        SELECT x.r, sum(d.active_seconds) / 60, sum(d.lost_seconds) / 60
        FROM unnest(@stored_days, @stored_day_ranges) AS x(day, r) JOIN uptime_days d ON d.day = x.day
        GROUP BY x.r
        """;

    /// <summary>
    /// The customer page of <see cref="NetworkSql.CustomerUptime"/> from the stored days plus the live ones (@starts, @ends: the days not
    /// stored, as the trend's windows; none when every day is stored). The customers' names are read only for the rows that can be on the
    /// page (those losing at least as much as the last row's, @rows ≥ 1), not for every customer counted.
    /// </summary>
    public static string CustomerUptime(bool filtered) => NetworkTrendSql.Spans + ", " + Stored(filtered) + $"""
        , live AS (
            SELECT p.customer_id, {NetworkSql.Seconds("p.active")} AS a,
                   {NetworkSql.Seconds("p.active * (coalesce(p.offline, '{}'::tstzmultirange) + coalesce(d.spans, '{}'::tstzmultirange))")} AS l
            FROM per p LEFT JOIN down d ON d.router_id = p.router_id
            WHERE p.active IS NOT NULL
        ), sums AS (
            SELECT customer_id, sum(a) / 60 AS service, sum(l) / 60 AS lost
            FROM (SELECT customer_id, a, l FROM live
                  UNION ALL SELECT customer_id, active, lost FROM still
                  UNION ALL SELECT customer_id, a, l FROM stored) x
            GROUP BY customer_id
        ), ranked AS MATERIALIZED (
            SELECT customer_id, service, lost, count(*) OVER ()::int AS n, sum(service) OVER () AS total_service, sum(lost) OVER () AS total_lost
            FROM sums WHERE service > 0
        ), cut AS (
            SELECT lost FROM ranked ORDER BY lost DESC LIMIT 1 OFFSET @rows - 1
        )
        SELECT k.id, k.code, k.full_name, k.router_id, r.name, l.name, s.service, s.lost, s.n, s.total_service, s.total_lost
        FROM ranked s JOIN customers k ON k.id = s.customer_id JOIN location_codes l ON l.id = k.location_code_id
        LEFT JOIN routers r ON r.id = k.router_id
        WHERE s.lost >= coalesce((SELECT lost FROM cut), 0)
        ORDER BY s.lost DESC, k.code
        LIMIT @rows
        """;
}
