namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// The outage ranking (<see cref="NetworkSql.Outages"/>'s result) reading only what it needs: a customer's Active multirange depends on the
/// Lifecycle logs alone (the same rules as <see cref="NetworkSql.CustomerSpans"/>, its Connection half left out), and the customers of a
/// router with the same Active multirange (most: Active all along) are counted together, so each router outage is cut against a few
/// groups, not against every customer of its router.
/// </summary>
internal static class NetworkOutageSql
{
    public static readonly string Outages = $$"""
        WITH c AS (
            SELECT c.id, c.router_id, c.status, tstzrange(greatest(@start, c.created_at), @end) AS win
            FROM customers c
            WHERE c.created_at < @end AND @start < @end
              AND (@router IS NULL OR c.router_id = @router) AND (@location IS NULL OR c.location_code_id = @location)
              AND c.router_id IN (SELECT router_id FROM network_alerts
                                  WHERE kind = 'RouterUnreachable' AND opened_at < @end AND coalesce(resolved_at, 'infinity') > @start)
        ), logs AS (
            SELECT l.customer_id, l.changed_at, l.from_value::text AS from_value, l.to_value::text AS to_value,
                   lead(l.changed_at) OVER w AS next_at, row_number() OVER w AS n
            FROM customer_status_logs l JOIN c ON c.id = l.customer_id
            WHERE l.changed_at >= @start AND l.kind = 'Lifecycle'
            WINDOW w AS (PARTITION BY l.customer_id, l.kind ORDER BY l.changed_at, l.id)
        ), spans AS (
            SELECT customer_id, from_value AS state, tstzrange(@start, changed_at) AS span FROM logs WHERE n = 1
            UNION ALL
            SELECT customer_id, to_value, tstzrange(changed_at, next_at) FROM logs WHERE changed_at < @end
        ), per AS (
            SELECT s.customer_id, range_agg(s.span * c.win) FILTER (WHERE s.state = 'Active') AS active
            FROM spans s JOIN c ON c.id = s.customer_id
            GROUP BY s.customer_id
        ), g AS MATERIALIZED (
            -- Customers with logs: their spans; without: their current status all along (Active: the whole window since created).
            SELECT router_id, active, sum(n) AS n FROM (
                SELECT c.router_id, coalesce(p.active, '{}'::tstzmultirange) AS active, count(*) AS n
                FROM c JOIN per p ON p.customer_id = c.id
                GROUP BY 1, 2
                UNION ALL
                SELECT c.router_id, CASE WHEN c.status::text = 'Active' THEN tstzmultirange(c.win) ELSE '{}'::tstzmultirange END, count(*)
                FROM c WHERE NOT EXISTS (SELECT 1 FROM logs l WHERE l.customer_id = c.id)
                GROUP BY 1, 2
            ) x GROUP BY 1, 2
        ), a AS (
            SELECT a.id, a.kind::text AS kind, a.router_id, r.code, r.name, a.opened_at, a.resolved_at, a.baseline_sessions,
                   tstzrange(greatest(a.opened_at, @start), least(coalesce(a.resolved_at, 'infinity'), @end)) AS span
            FROM network_alerts a JOIN routers r ON r.id = a.router_id
            WHERE a.kind IN ('RouterUnreachable', 'MassOutage') AND a.opened_at < @end AND coalesce(a.resolved_at, 'infinity') > @start
              AND (@router IS NULL OR a.router_id = @router) AND (@location IS NULL OR r.location_code_id = @location)
        ), hit AS (
            SELECT a.id, sum(g.n) FILTER (WHERE NOT isempty(g.active * tstzmultirange(a.span))) AS customers,
                   sum(g.n * {{NetworkSql.Seconds("g.active * tstzmultirange(a.span)")}}) / 60 AS customer_minutes
            FROM a JOIN g ON g.router_id = a.router_id
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
}
