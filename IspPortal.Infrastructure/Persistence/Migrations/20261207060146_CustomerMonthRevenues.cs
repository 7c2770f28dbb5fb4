using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerMonthRevenues : Migration
    {
        // Hand-written: the database keeps customer_month_revenues as invoices and invoice lines are written, whoever writes them. Every
        // statement that inserts, updates or deletes invoice lines, changes an invoice's customer, period or voidness, or deletes invoices
        // computes the rows of the (customer, period) keys it touched again from that customer's non-void invoice of the period (one at
        // most: ux_invoices_customer_period) and its Subscription and Discount lines, and upserts them in key order. Computing again
        // rather than adding differences keeps it right whatever the order: lines inserted in a later statement than their invoice (EF)
        // or in the same one, voiding and un-voiding, lines deleted with their invoice (the invoice's trigger runs after the cascade). An
        // invoice's lines are written only in the transaction that creates it, so two transactions never compute one key at once.
        // Then the next month's previous_mrr is set from the rows just computed (its row added, empty, when the customer paid: the churn
        // the movement reads). The rows already there are computed once here, with the months after paying ones and previous_mrr.
        private const string KeepRevenues = """
            CREATE FUNCTION customer_month_revenues_refresh(customer_ids integer[], months date[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO customer_month_revenues AS t (customer_id, month, subscription, discount, package_id, previous_mrr)
                SELECT k.customer_id, k.month,
                       coalesce(sum(round(l.amount / l.quantity, 2)) FILTER (WHERE l.kind = 'Subscription'), 0),
                       coalesce(sum(l.amount) FILTER (WHERE l.kind = 'Discount'), 0),
                       (array_agg(l.service_package_id ORDER BY l.amount DESC, l.id) FILTER (WHERE l.kind = 'Subscription'))[1],
                       coalesce((SELECT p.mrr FROM customer_month_revenues p
                                 WHERE p.customer_id = k.customer_id AND p.month = (k.month - interval '1 month')::date), 0)
                FROM (SELECT DISTINCT customer_id, month FROM unnest(customer_ids, months) AS u(customer_id, month)) k
                LEFT JOIN invoices i ON i.customer_id = k.customer_id AND i.period = k.month AND i.status <> 'Void'
                LEFT JOIN invoice_lines l ON l.invoice_id = i.id AND l.kind IN ('Subscription', 'Discount')
                GROUP BY k.customer_id, k.month
                ORDER BY k.customer_id, k.month
                ON CONFLICT (customer_id, month) DO UPDATE
                SET subscription = excluded.subscription, discount = excluded.discount, package_id = excluded.package_id
                WHERE (t.subscription, t.discount, t.package_id) IS DISTINCT FROM (excluded.subscription, excluded.discount, excluded.package_id);

                INSERT INTO customer_month_revenues AS t (customer_id, month, subscription, discount, previous_mrr)
                SELECT r.customer_id, (r.month + interval '1 month')::date, 0, 0, r.mrr
                FROM (SELECT DISTINCT customer_id, month FROM unnest(customer_ids, months) AS u(customer_id, month)) k
                JOIN customer_month_revenues r ON r.customer_id = k.customer_id AND r.month = k.month
                WHERE r.mrr > 0 OR EXISTS (SELECT 1 FROM customer_month_revenues n
                                           WHERE n.customer_id = r.customer_id AND n.month = (r.month + interval '1 month')::date)
                ORDER BY r.customer_id, r.month
                ON CONFLICT (customer_id, month) DO UPDATE SET previous_mrr = excluded.previous_mrr
                WHERE t.previous_mrr <> excluded.previous_mrr;
            END $$;

            CREATE FUNCTION invoice_lines_refresh_revenues_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM customer_month_revenues_refresh(array_agg(i.customer_id), array_agg(i.period))
                FROM invoices i WHERE i.id IN (SELECT invoice_id FROM new_lines WHERE kind IN ('Subscription', 'Discount'))
                HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            CREATE FUNCTION invoice_lines_refresh_revenues_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM customer_month_revenues_refresh(array_agg(i.customer_id), array_agg(i.period))
                FROM invoices i WHERE i.id IN (SELECT invoice_id FROM new_lines UNION SELECT invoice_id FROM old_lines)
                HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            -- Lines deleted with their invoice find no invoice here: the invoice's own trigger computes its key.
            CREATE FUNCTION invoice_lines_refresh_revenues_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM customer_month_revenues_refresh(array_agg(i.customer_id), array_agg(i.period))
                FROM invoices i WHERE i.id IN (SELECT invoice_id FROM old_lines WHERE kind IN ('Subscription', 'Discount'))
                HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            CREATE FUNCTION invoices_refresh_revenues_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM customer_month_revenues_refresh(array_agg(k.customer_id), array_agg(k.period))
                FROM (
                    SELECT o.customer_id, o.period, n.customer_id AS new_customer_id, n.period AS new_period
                    FROM old_invoices o JOIN new_invoices n ON n.id = o.id
                    WHERE (o.status = 'Void') <> (n.status = 'Void') OR o.customer_id <> n.customer_id OR o.period <> n.period
                ) changed
                CROSS JOIN LATERAL (VALUES (changed.customer_id, changed.period), (changed.new_customer_id, changed.new_period)) k(customer_id, period)
                HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            CREATE FUNCTION invoices_refresh_revenues_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM customer_month_revenues_refresh(array_agg(customer_id), array_agg(period)) FROM old_invoices HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            CREATE TRIGGER invoice_lines_revenues_inserted AFTER INSERT ON invoice_lines
                REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_refresh_revenues_inserted();
            CREATE TRIGGER invoice_lines_revenues_updated AFTER UPDATE ON invoice_lines
                REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_refresh_revenues_updated();
            CREATE TRIGGER invoice_lines_revenues_deleted AFTER DELETE ON invoice_lines
                REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_refresh_revenues_deleted();
            CREATE TRIGGER invoices_revenues_updated AFTER UPDATE ON invoices
                REFERENCING OLD TABLE AS old_invoices NEW TABLE AS new_invoices FOR EACH STATEMENT EXECUTE FUNCTION invoices_refresh_revenues_updated();
            CREATE TRIGGER invoices_revenues_deleted AFTER DELETE ON invoices
                REFERENCING OLD TABLE AS old_invoices FOR EACH STATEMENT EXECUTE FUNCTION invoices_refresh_revenues_deleted();

            INSERT INTO customer_month_revenues (customer_id, month, subscription, discount, package_id, previous_mrr)
            SELECT i.customer_id, i.period,
                   coalesce(sum(round(l.amount / l.quantity, 2)) FILTER (WHERE l.kind = 'Subscription'), 0),
                   coalesce(sum(l.amount) FILTER (WHERE l.kind = 'Discount'), 0),
                   (array_agg(l.service_package_id ORDER BY l.amount DESC, l.id) FILTER (WHERE l.kind = 'Subscription'))[1], 0
            FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
            WHERE i.status <> 'Void' AND l.kind IN ('Subscription', 'Discount')
            GROUP BY i.customer_id, i.period;

            INSERT INTO customer_month_revenues (customer_id, month, subscription, discount, previous_mrr)
            SELECT r.customer_id, (r.month + interval '1 month')::date, 0, 0, 0 FROM customer_month_revenues r
            WHERE r.mrr > 0 AND NOT EXISTS (SELECT 1 FROM customer_month_revenues n
                                            WHERE n.customer_id = r.customer_id AND n.month = (r.month + interval '1 month')::date);

            UPDATE customer_month_revenues t SET previous_mrr = p.mrr FROM customer_month_revenues p
            WHERE p.customer_id = t.customer_id AND p.month = (t.month - interval '1 month')::date AND p.mrr > 0;
            """;

        private const string DropKeepRevenues = """
            DROP TRIGGER IF EXISTS invoice_lines_revenues_inserted ON invoice_lines;
            DROP TRIGGER IF EXISTS invoice_lines_revenues_updated ON invoice_lines;
            DROP TRIGGER IF EXISTS invoice_lines_revenues_deleted ON invoice_lines;
            DROP TRIGGER IF EXISTS invoices_revenues_updated ON invoices;
            DROP TRIGGER IF EXISTS invoices_revenues_deleted ON invoices;
            DROP FUNCTION IF EXISTS invoice_lines_refresh_revenues_inserted();
            DROP FUNCTION IF EXISTS invoice_lines_refresh_revenues_updated();
            DROP FUNCTION IF EXISTS invoice_lines_refresh_revenues_deleted();
            DROP FUNCTION IF EXISTS invoices_refresh_revenues_updated();
            DROP FUNCTION IF EXISTS invoices_refresh_revenues_deleted();
            DROP FUNCTION IF EXISTS customer_month_revenues_refresh(integer[], date[]);
            """;
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_month_revenues",
                columns: table => new
                {
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    subscription = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    discount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    mrr = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false, computedColumnSql: "GREATEST(subscription - discount, 0)", stored: true),
                    previous_mrr = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    package_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_month_revenues", x => new { x.customer_id, x.month });
                    table.CheckConstraint("ck_customer_month_revenues_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_customer_month_revenues_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_customer_month_revenues_service_packages_package_id",
                        column: x => x.package_id,
                        principalTable: "service_packages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_month_revenues_customer_paying",
                table: "customer_month_revenues",
                columns: new[] { "customer_id", "month" },
                filter: "mrr > 0");

            migrationBuilder.CreateIndex(
                name: "ix_customer_month_revenues_moving",
                table: "customer_month_revenues",
                columns: new[] { "month", "customer_id" },
                filter: "mrr <> previous_mrr")
                .Annotation("Npgsql:IndexInclude", new[] { "mrr", "previous_mrr" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_month_revenues_package_id",
                table: "customer_month_revenues",
                column: "package_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_month_revenues_paying",
                table: "customer_month_revenues",
                columns: new[] { "month", "customer_id" },
                filter: "mrr > 0")
                .Annotation("Npgsql:IndexInclude", new[] { "mrr", "package_id" });

            migrationBuilder.Sql(KeepRevenues);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropKeepRevenues);
            migrationBuilder.DropTable(
                name: "customer_month_revenues");
        }
    }
}
