using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UptimeDays : Migration
    {
        // Hand-written: the database appends to uptime_dirty_spans the moments whose stored uptime days (uptime_days) a change may
        // have made stale, whoever writes; the uptime job recomputes the days they overlap. Nothing is appended while no day is stored.
        // A stored day counts, per customer and kind of log, the logs inside it and the first log after it (its from_value) or, with
        // none, the current state. So a status log written, changed or deleted at t marks t's day, and the days since the previous
        // log of that customer and kind when its from_value differs from what those days read before (the next log's from_value, or
        // the previous log's to_value when none follows: the current state, as the portal writes a log with every change).
        // A RouterUnreachable alert marks its span (an update: the part that changed); a customer's new router marks its old and new
        // router's outages, a changed created_at the time between, a new customer its time since created_at.
        private static string LogsDirty(string changed) => $"""
            INSERT INTO uptime_dirty_spans (starts_at, ends_at)
            SELECT CASE WHEN x.consistent THEN x.changed_at ELSE x.prev_at END, x.changed_at
            FROM (
                SELECT l.changed_at,
                       (SELECT max(p.changed_at) FROM customer_status_logs p
                        WHERE p.customer_id = l.customer_id AND p.kind = l.kind AND p.changed_at < l.changed_at) AS prev_at,
                       l.from_value = coalesce(
                           (SELECT n.from_value FROM customer_status_logs n
                            WHERE n.customer_id = l.customer_id AND n.kind = l.kind AND n.changed_at > l.changed_at
                              AND NOT EXISTS (SELECT 1 FROM {changed} o WHERE o.id = n.id)
                            ORDER BY n.changed_at, n.id LIMIT 1),
                           (SELECT p.to_value FROM customer_status_logs p
                            WHERE p.customer_id = l.customer_id AND p.kind = l.kind AND p.changed_at < l.changed_at
                            ORDER BY p.changed_at DESC, p.id DESC LIMIT 1),
                           l.from_value) AS consistent
                FROM {changed} l
            ) x;
            """;

        private static readonly string MarkDirty = $"""
            CREATE FUNCTION uptime_dirty_logs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    {LogsDirty("new_logs")}
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION uptime_dirty_logs_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    {LogsDirty("new_logs")}
                    {LogsDirty("old_logs")}
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION uptime_dirty_logs_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    {LogsDirty("old_logs")}
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER customer_status_logs_uptime_inserted AFTER INSERT ON customer_status_logs
                REFERENCING NEW TABLE AS new_logs FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_logs_inserted();
            CREATE TRIGGER customer_status_logs_uptime_updated AFTER UPDATE ON customer_status_logs
                REFERENCING OLD TABLE AS old_logs NEW TABLE AS new_logs FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_logs_updated();
            CREATE TRIGGER customer_status_logs_uptime_deleted AFTER DELETE ON customer_status_logs
                REFERENCING OLD TABLE AS old_logs FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_logs_deleted();

            CREATE FUNCTION uptime_dirty_alerts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    INSERT INTO uptime_dirty_spans (starts_at, ends_at)
                    SELECT opened_at, resolved_at FROM new_alerts WHERE kind = 'RouterUnreachable';
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION uptime_dirty_alerts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    INSERT INTO uptime_dirty_spans (starts_at, ends_at)
                    SELECT opened_at, resolved_at FROM old_alerts WHERE kind = 'RouterUnreachable';
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION uptime_dirty_alerts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    INSERT INTO uptime_dirty_spans (starts_at, ends_at)
                    SELECT s.starts_at, s.ends_at
                    FROM old_alerts o JOIN new_alerts n ON n.id = o.id
                    CROSS JOIN LATERAL (
                        -- Only the end moved: the time between the two ends (null: still open).
                        SELECT least(o.resolved_at, n.resolved_at), CASE WHEN o.resolved_at IS NULL OR n.resolved_at IS NULL THEN NULL
                                                                          ELSE greatest(o.resolved_at, n.resolved_at) END
                        WHERE o.kind = n.kind AND o.router_id = n.router_id AND o.opened_at = n.opened_at
                        UNION ALL
                        SELECT o.opened_at, o.resolved_at WHERE NOT (o.kind = n.kind AND o.router_id = n.router_id AND o.opened_at = n.opened_at)
                        UNION ALL
                        SELECT n.opened_at, n.resolved_at WHERE NOT (o.kind = n.kind AND o.router_id = n.router_id AND o.opened_at = n.opened_at)
                    ) AS s(starts_at, ends_at)
                    WHERE (o.kind = 'RouterUnreachable' OR n.kind = 'RouterUnreachable')
                      AND (o.kind, o.router_id, o.opened_at) IS DISTINCT FROM (n.kind, n.router_id, n.opened_at)
                       OR ((o.kind = 'RouterUnreachable' OR n.kind = 'RouterUnreachable') AND o.resolved_at IS DISTINCT FROM n.resolved_at);
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER network_alerts_uptime_inserted AFTER INSERT ON network_alerts
                REFERENCING NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_alerts_inserted();
            CREATE TRIGGER network_alerts_uptime_updated AFTER UPDATE ON network_alerts
                REFERENCING OLD TABLE AS old_alerts NEW TABLE AS new_alerts FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_alerts_updated();
            CREATE TRIGGER network_alerts_uptime_deleted AFTER DELETE ON network_alerts
                REFERENCING OLD TABLE AS old_alerts FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_alerts_deleted();

            CREATE FUNCTION uptime_dirty_customers_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    INSERT INTO uptime_dirty_spans (starts_at, ends_at) SELECT created_at, NULL FROM new_customers;
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION uptime_dirty_customers_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    INSERT INTO uptime_dirty_spans (starts_at, ends_at)
                    SELECT a.opened_at, a.resolved_at
                    FROM old_customers o JOIN new_customers n ON n.id = o.id
                    JOIN network_alerts a ON a.kind = 'RouterUnreachable' AND a.router_id IN (o.router_id, n.router_id)
                    WHERE o.router_id IS DISTINCT FROM n.router_id
                    UNION ALL
                    SELECT least(o.created_at, n.created_at), greatest(o.created_at, n.created_at)
                    FROM old_customers o JOIN new_customers n ON n.id = o.id
                    WHERE o.created_at <> n.created_at;
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER customers_uptime_inserted AFTER INSERT ON customers
                REFERENCING NEW TABLE AS new_customers FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_customers_inserted();
            CREATE TRIGGER customers_uptime_updated AFTER UPDATE ON customers
                REFERENCING OLD TABLE AS old_customers NEW TABLE AS new_customers FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_customers_updated();
            """;

        private const string DropMarkDirty = """
            DROP TRIGGER IF EXISTS customers_uptime_inserted ON customers;
            DROP TRIGGER IF EXISTS customers_uptime_updated ON customers;
            DROP FUNCTION IF EXISTS uptime_dirty_customers_inserted();
            DROP FUNCTION IF EXISTS uptime_dirty_customers_updated();
            DROP TRIGGER IF EXISTS network_alerts_uptime_inserted ON network_alerts;
            DROP TRIGGER IF EXISTS network_alerts_uptime_updated ON network_alerts;
            DROP TRIGGER IF EXISTS network_alerts_uptime_deleted ON network_alerts;
            DROP FUNCTION IF EXISTS uptime_dirty_alerts_inserted();
            DROP FUNCTION IF EXISTS uptime_dirty_alerts_updated();
            DROP FUNCTION IF EXISTS uptime_dirty_alerts_deleted();
            DROP TRIGGER IF EXISTS customer_status_logs_uptime_inserted ON customer_status_logs;
            DROP TRIGGER IF EXISTS customer_status_logs_uptime_updated ON customer_status_logs;
            DROP TRIGGER IF EXISTS customer_status_logs_uptime_deleted ON customer_status_logs;
            DROP FUNCTION IF EXISTS uptime_dirty_logs_inserted();
            DROP FUNCTION IF EXISTS uptime_dirty_logs_updated();
            DROP FUNCTION IF EXISTS uptime_dirty_logs_deleted();
            """;
        // End of hand-written block.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "uptime_customer_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    active_seconds = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    lost_seconds = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uptime_customer_days", x => new { x.day, x.customer_id });
                });

            migrationBuilder.CreateTable(
                name: "uptime_customer_months",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    plain_days = table.Column<int>(type: "integer", nullable: false),
                    active_seconds = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    lost_seconds = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uptime_customer_months", x => new { x.month, x.customer_id });
                    table.CheckConstraint("ck_uptime_customer_months_month", "extract(day FROM month) = 1");
                });

            migrationBuilder.CreateTable(
                name: "uptime_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uptime_days", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "uptime_dirty_spans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uptime_dirty_spans", x => x.id);
                });

            migrationBuilder.Sql(MarkDirty);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropMarkDirty);

            migrationBuilder.DropTable(
                name: "uptime_customer_days");

            migrationBuilder.DropTable(
                name: "uptime_customer_months");

            migrationBuilder.DropTable(
                name: "uptime_days");

            migrationBuilder.DropTable(
                name: "uptime_dirty_spans");
        }
    }
}
