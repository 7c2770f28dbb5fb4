namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// The customers' Active and outage minutes in several windows (the dashboard's twelve months) in one statement, each window counted exactly
/// as <see cref="NetworkSql.CustomerSpans"/> counts it alone. Parameters: @starts, @ends (timestamptz[], the windows in order, disjoint),
/// @start, @end (the first start, the last end), @router, @location.
/// <para>
/// The report over one window sees only the logs since its start: within window W a customer's state at t is the latest log in [W's start, t]
/// (its <c>to_value</c>), else the first log after t (its <c>from_value</c>), else the current status. Here each log is bucketed
/// (<c>width_bucket</c> over the starts): its own span is cut to its window; for each window from the one after its predecessor's up to its own
/// it is the window's first log (<c>from_value</c> from the window's start); windows after a customer's last log take the current state. So
/// the logs are read once, not once per window, and one <c>range_agg</c> per customer holds every window.
/// </para>
/// </summary>
internal static class NetworkTrendSql
{
    /// <summary>
    /// Up to <c>per</c> (each customer's Active and Offline multiranges, every window's spans cut to it), <c>down</c> (the routers'
    /// outages) and <c>still</c>: shared by <see cref="CustomerMinutes"/>, <see cref="UptimeStoreSql"/>'s days and the reports' live days
    /// beside stored ones. A customer without any log since @start on a router without an outage in it (<c>quiet</c>: most customers on most
    /// days) is in one state all along, so their seconds per window are plain arithmetic (<c>still</c>: Active seconds since created, lost
    /// all of them when Offline) and <c>per</c> builds multiranges only for the others; the sums are the same, for a fraction of the work.
    /// </summary>
    public const string Spans = """
        WITH w AS (
            SELECT x.i::int AS i, x.s, x.e, tstzrange(x.s, x.e) AS win
            FROM unnest(@starts, @ends) WITH ORDINALITY AS x(s, e, i)
        ), tail AS (
            SELECT i, range_agg(win) OVER (ORDER BY i DESC) AS rest FROM w
        ), b AS (
            SELECT array_agg(s ORDER BY i) AS starts FROM w
        ), c AS (
            SELECT c.id, c.router_id, c.created_at, c.status::text AS status, c.connection_state::text AS conn,
                   tstzmultirange(tstzrange(c.created_at, NULL)) AS life
            FROM customers c
            WHERE c.created_at < @end AND @start < @end
              AND (@router IS NULL OR c.router_id = @router) AND (@location IS NULL OR c.location_code_id = @location)
        ), logs AS (
            SELECT l.customer_id, l.kind::text AS kind, l.changed_at, l.from_value::text AS from_value, l.to_value::text AS to_value,
                   lead(l.changed_at) OVER k AS next_at,
                   width_bucket(l.changed_at, b.starts) AS bucket,
                   coalesce(width_bucket(lag(l.changed_at) OVER k, b.starts), 0) AS prev_bucket
            FROM customer_status_logs l JOIN c ON c.id = l.customer_id CROSS JOIN b
            WHERE l.changed_at >= @start
            WINDOW k AS (PARTITION BY l.customer_id, l.kind ORDER BY l.changed_at, l.id)
        ), down AS (
            SELECT router_id, range_agg(tstzrange(opened_at, resolved_at)) AS spans
            FROM network_alerts
            WHERE kind = 'RouterUnreachable' AND opened_at < @end AND (resolved_at IS NULL OR resolved_at > @start)
            GROUP BY router_id
        ), split AS MATERIALIZED (
            -- Joins, not IN (subquery): a month of logs is too many customers for a hashed subplan in work_mem.
            SELECT c.*, (x.customer_id IS NOT NULL OR d.router_id IS NOT NULL) AS busy
            FROM c LEFT JOIN (SELECT DISTINCT customer_id FROM logs) x ON x.customer_id = c.id LEFT JOIN down d ON d.router_id = c.router_id
        ), quiet AS (
            SELECT * FROM split WHERE NOT busy
        ), busy AS MATERIALIZED (
            SELECT * FROM split WHERE busy
        ), still AS (
            SELECT q.id AS customer_id, w.i, t.active, CASE WHEN q.conn = 'Offline' THEN t.active ELSE 0 END AS lost
            FROM quiet q JOIN w ON w.e > q.created_at CROSS JOIN LATERAL (SELECT extract(epoch FROM w.e - greatest(w.s, q.created_at)) AS active) t
            WHERE q.status = 'Active'
        ), spans AS (
            SELECT l.customer_id, l.kind, l.to_value AS state, tstzmultirange(tstzrange(l.changed_at, l.next_at) * w.win) AS span
            FROM logs l JOIN w ON w.i = l.bucket
            UNION ALL
            SELECT l.customer_id, l.kind, l.from_value, tstzmultirange(tstzrange(w.s, least(l.changed_at, w.e)))
            FROM logs l CROSS JOIN LATERAL generate_series(l.prev_bucket + 1, l.bucket) AS g(i) JOIN w ON w.i = g.i
            WHERE l.bucket > l.prev_bucket
            UNION ALL
            SELECT c.id, k.kind, CASE k.kind WHEN 'Lifecycle' THEN c.status ELSE c.conn END, t.rest
            FROM busy c CROSS JOIN (VALUES ('Lifecycle'), ('Connection')) AS k(kind)
            LEFT JOIN (SELECT customer_id, kind, max(bucket) AS last FROM logs GROUP BY customer_id, kind) x ON x.customer_id = c.id AND x.kind = k.kind
            JOIN tail t ON t.i = coalesce(x.last, 0) + 1
        ), per AS (
            SELECT s.customer_id, c.router_id,
                   range_agg(s.span * c.life) FILTER (WHERE s.kind = 'Lifecycle' AND s.state = 'Active') AS active,
                   range_agg(s.span * c.life) FILTER (WHERE s.kind = 'Connection' AND s.state = 'Offline') AS offline
            FROM spans s JOIN busy c ON c.id = s.customer_id
            GROUP BY s.customer_id, c.router_id
        )
        """;

    public const string CustomerMinutes = Spans + """
        , m AS (
            SELECT p.active, p.active * (coalesce(p.offline, '{}'::tstzmultirange) + coalesce(d.spans, '{}'::tstzmultirange)) AS lost
            FROM per p LEFT JOIN down d ON d.router_id = p.router_id
            WHERE p.active IS NOT NULL
        ), pieces AS (
            SELECT true AS active, x FROM m CROSS JOIN LATERAL unnest(m.active) AS x
            UNION ALL
            SELECT false, x FROM m CROSS JOIN LATERAL unnest(m.lost) AS x
        ), moved AS (
            SELECT w.i,
                   coalesce(sum(extract(epoch FROM upper(p.x * w.win) - lower(p.x * w.win))) FILTER (WHERE p.active), 0) AS a,
                   coalesce(sum(extract(epoch FROM upper(p.x * w.win) - lower(p.x * w.win))) FILTER (WHERE NOT p.active), 0) AS l
            FROM w LEFT JOIN pieces p ON p.x && w.win
            GROUP BY w.i
        ), calm AS (
            SELECT i, sum(active) AS a, sum(lost) AS l FROM still GROUP BY i
        )
        SELECT m.i, (m.a + coalesce(q.a, 0)) / 60 AS service, (m.l + coalesce(q.l, 0)) / 60 AS lost
        FROM moved m LEFT JOIN calm q ON q.i = m.i
        ORDER BY m.i
        """;
}
