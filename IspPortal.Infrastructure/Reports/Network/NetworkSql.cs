namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// The SQL of the uptime figures. Parameters: @start, @end (timestamptz, the window), @router, @location (int, null = all),
/// @rows (int). Time is handled as PostgreSQL multiranges: overlapping spans merge, intersections cut them.
/// </summary>
internal static class NetworkSql
{
    /// <summary>Puts the table and column names (constants of this code, never input) in the numbered holes.</summary>
    public static string Fill(string sql, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
            sql = sql.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", names[i], StringComparison.Ordinal);
        return sql;
    }

    /// <summary>Seconds covered by a multirange (bounded), as numeric.</summary>
    public static string Seconds(string multirange) =>
        $"(SELECT coalesce(sum(extract(epoch FROM upper(x) - lower(x))), 0) FROM unnest({multirange}) x)";

    public const string RouterUptime = """
        WITH r AS (
            SELECT id, code, name, greatest(@start, created_at) AS s, @end AS e
            FROM routers
            WHERE (@router IS NULL OR id = @router) AND (@location IS NULL OR location_code_id = @location)
        ), down AS (
            SELECT a.router_id, tstzrange(greatest(a.opened_at, r.s), least(coalesce(a.resolved_at, 'infinity'), r.e)) AS span
            FROM network_alerts a JOIN r ON r.id = a.router_id
            WHERE a.kind = 'RouterUnreachable' AND r.s < r.e AND a.opened_at < r.e AND coalesce(a.resolved_at, 'infinity') > r.s
        ), per AS (
            SELECT router_id, range_agg(span) AS spans, count(*)::int AS outages,
                   max(extract(epoch FROM upper(span) - lower(span))) AS longest
            FROM down GROUP BY router_id
        )
        SELECT r.id, r.code, r.name, greatest(extract(epoch FROM r.e - r.s), 0) / 60 AS window_minutes,
               coalesce((SELECT sum(extract(epoch FROM upper(x) - lower(x))) FROM unnest(p.spans) x), 0) / 60 AS outage_minutes,
               coalesce(p.outages, 0), coalesce(p.longest, 0) / 60 AS longest_minutes
        FROM r LEFT JOIN per p ON p.router_id = r.id
        ORDER BY r.code
        """;

    /// <summary>
    /// Per customer in the filter: <c>active</c>, the multirange of the window (from when they were created) their lifecycle status was
    /// Active, and <c>lost</c>, the part of it they were Offline or their router was unreachable. A customer's state over time: each status
    /// log (kind Lifecycle or Connection) from its moment to the next one's; before the first log at or after the window's start, that log's
    /// <c>from_value</c>; without any log since the start, the customer's current status or connection state all along.
    /// <c>m</c> is MATERIALIZED: PostgreSQL cannot estimate the per-customer aggregate and otherwise re-ran it inside a nested loop for
    /// each router outage's customers (the outage ranking over 100,000 customers never finished).
    /// </summary>
    public const string CustomerSpans = """
        WITH c AS (
            SELECT c.id, c.code, c.full_name, c.router_id, c.location_code_id, c.status, c.connection_state,
                   tstzrange(greatest(@start, c.created_at), @end) AS win
            FROM customers c
            WHERE c.created_at < @end AND @start < @end
              AND (@router IS NULL OR c.router_id = @router) AND (@location IS NULL OR c.location_code_id = @location)
        ), logs AS (
            SELECT l.customer_id, l.kind::text AS kind, l.changed_at, l.from_value::text AS from_value, l.to_value::text AS to_value,
                   lead(l.changed_at) OVER w AS next_at, row_number() OVER w AS n
            FROM customer_status_logs l JOIN c ON c.id = l.customer_id
            WHERE l.changed_at >= @start
            WINDOW w AS (PARTITION BY l.customer_id, l.kind ORDER BY l.changed_at, l.id)
        ), spans AS (
            SELECT customer_id, kind, from_value AS state, tstzrange(@start, changed_at) AS span FROM logs WHERE n = 1
            UNION ALL
            SELECT customer_id, kind, to_value, tstzrange(changed_at, next_at) FROM logs WHERE changed_at < @end
            UNION ALL
            SELECT c.id, k.kind, CASE k.kind WHEN 'Lifecycle' THEN c.status::text ELSE c.connection_state::text END, tstzrange(@start, NULL)
            FROM c CROSS JOIN (VALUES ('Lifecycle'), ('Connection')) AS k(kind)
            WHERE NOT EXISTS (SELECT 1 FROM logs l WHERE l.customer_id = c.id AND l.kind = k.kind)
        ), per AS (
            SELECT s.customer_id,
                   range_agg(s.span * c.win) FILTER (WHERE s.kind = 'Lifecycle' AND s.state = 'Active') AS active,
                   range_agg(s.span * c.win) FILTER (WHERE s.kind = 'Connection' AND s.state = 'Offline') AS offline
            FROM spans s JOIN c ON c.id = s.customer_id
            GROUP BY s.customer_id
        ), down AS (
            SELECT router_id, range_agg(tstzrange(opened_at, resolved_at)) AS spans
            FROM network_alerts
            WHERE kind = 'RouterUnreachable' AND opened_at < @end AND (resolved_at IS NULL OR resolved_at > @start)
            GROUP BY router_id
        ), m AS MATERIALIZED (
            SELECT c.id, c.code, c.full_name, c.router_id, c.location_code_id,
                   coalesce(p.active, '{}'::tstzmultirange) AS active,
                   coalesce(p.active, '{}'::tstzmultirange)
                       * (coalesce(p.offline, '{}'::tstzmultirange) + coalesce(d.spans, '{}'::tstzmultirange)) AS lost
            FROM c LEFT JOIN per p ON p.customer_id = c.id LEFT JOIN down d ON d.router_id = c.router_id
        )
        """;

    public static readonly string CustomerUptime = CustomerSpans + $"""
        , t AS (
            SELECT m.id, m.code, m.full_name, m.router_id, r.name AS router, l.name AS location,
                   {Seconds("m.active")} / 60 AS service, {Seconds("m.lost")} / 60 AS lost
            FROM m JOIN location_codes l ON l.id = m.location_code_id LEFT JOIN routers r ON r.id = m.router_id
        )
        SELECT id, code, full_name, router_id, router, location, service, lost,
               count(*) OVER ()::int, sum(service) OVER (), sum(lost) OVER ()
        FROM t WHERE service > 0
        ORDER BY lost DESC, code
        LIMIT @rows
        """;

    /// <summary>
    /// Router outages with the customer-minutes they cost (each customer's Active minutes inside the outage) and mass outages with
    /// the sessions they lost (baseline − the average of the five-minute buckets' sessions during it) × their minutes; most lost first.
    /// </summary>
    public static readonly string Outages = CustomerSpans + $"""
        , a AS (
            SELECT a.id, a.kind::text AS kind, a.router_id, r.code, r.name, a.opened_at, a.resolved_at, a.baseline_sessions,
                   tstzrange(greatest(a.opened_at, @start), least(coalesce(a.resolved_at, 'infinity'), @end)) AS span
            FROM network_alerts a JOIN routers r ON r.id = a.router_id
            WHERE a.kind IN ('RouterUnreachable', 'MassOutage') AND a.opened_at < @end AND coalesce(a.resolved_at, 'infinity') > @start
              AND (@router IS NULL OR a.router_id = @router) AND (@location IS NULL OR r.location_code_id = @location)
        ), hit AS (
            SELECT a.id, count(*) FILTER (WHERE NOT isempty(m.active * tstzmultirange(a.span))) AS customers,
                   sum({Seconds("m.active * tstzmultirange(a.span)")}) / 60 AS customer_minutes
            FROM a JOIN m ON m.router_id = a.router_id
            WHERE a.kind = 'RouterUnreachable'
            GROUP BY a.id
        ), lost AS (
            SELECT a.id, greatest(a.baseline_sessions - (
                       SELECT avg(h.sessions_avg) FROM router_health_5min h
                       WHERE h.router_id = a.router_id AND h.bucket_start > lower(a.span) - interval '5 minutes' AND h.bucket_start < upper(a.span)), 0) AS sessions
            FROM a WHERE a.kind = 'MassOutage'
        ), o AS (
            SELECT a.*, extract(epoch FROM upper(a.span) - lower(a.span)) / 60 AS minutes,
                   coalesce(h.customers, s.sessions, 0) AS customers
            FROM a LEFT JOIN hit h ON h.id = a.id LEFT JOIN lost s ON s.id = a.id
        )
        SELECT o.id, o.kind, o.router_id, o.code, o.name, o.opened_at, o.resolved_at, o.minutes::numeric, o.customers::numeric,
               (CASE WHEN o.kind = 'RouterUnreachable' THEN coalesce(h.customer_minutes, 0) ELSE o.customers::numeric * o.minutes END)::numeric AS lost
        FROM o LEFT JOIN hit h ON h.id = o.id
        ORDER BY lost DESC, o.opened_at DESC, o.id
        LIMIT @rows
        """;

    public const string MassOutages = """
        SELECT a.id, a.router_id, r.code, a.opened_at, a.resolved_at,
               (extract(epoch FROM least(coalesce(a.resolved_at, 'infinity'), @end) - greatest(a.opened_at, @start)) / 60)::numeric AS minutes,
               a.baseline_sessions,
               (SELECT min(h.sessions_avg) FROM router_health_5min h
                WHERE h.router_id = a.router_id AND h.bucket_start > a.opened_at - interval '5 minutes'
                  AND h.bucket_start < least(coalesce(a.resolved_at, 'infinity'), @end)) AS lowest,
               a.message
        FROM network_alerts a JOIN routers r ON r.id = a.router_id
        WHERE a.kind = 'MassOutage' AND a.opened_at < @end AND coalesce(a.resolved_at, 'infinity') > @start
          AND (@router IS NULL OR a.router_id = @router) AND (@location IS NULL OR r.location_code_id = @location)
        ORDER BY a.opened_at DESC, a.id
        LIMIT @rows
        """;

    /// <summary>{0}: the bucket table; {1}: the column the p95 is taken over (rx), {2}: (tx).</summary>
    public const string Bandwidth = """
        SELECT r.id, r.code, r.name, r.uplink_capacity_mbps,
               avg(b.rx_bps_avg), percentile_cont(0.95) WITHIN GROUP (ORDER BY b.{1}), max(b.rx_bps_max),
               avg(b.tx_bps_avg), percentile_cont(0.95) WITHIN GROUP (ORDER BY b.{2}), max(b.tx_bps_max),
               coalesce(avg(b.sessions_avg), 0), coalesce(max(b.sessions_max), 0)
        FROM routers r LEFT JOIN {0} b ON b.router_id = r.id AND b.bucket_start >= @start AND b.bucket_start < @end
        WHERE (@router IS NULL OR r.id = @router) AND (@location IS NULL OR r.location_code_id = @location)
        GROUP BY r.id, r.code, r.name, r.uplink_capacity_mbps
        ORDER BY r.code
        """;

    /// <summary>{0}: the bucket table. @grain: hour or day, in the ISP's zone @zone.</summary>
    public const string BandwidthSeries = """
        SELECT b.router_id, date_trunc(@grain, b.bucket_start, @zone) AS at,
               avg(b.rx_bps_avg), avg(b.tx_bps_avg), max(b.rx_bps_max), max(b.tx_bps_max), avg(b.sessions_avg)
        FROM {0} b JOIN routers r ON r.id = b.router_id
        WHERE b.bucket_start >= @start AND b.bucket_start < @end
          AND (@router IS NULL OR r.id = @router) AND (@location IS NULL OR r.location_code_id = @location)
        GROUP BY 1, 2
        ORDER BY 2, 1
        """;
}
