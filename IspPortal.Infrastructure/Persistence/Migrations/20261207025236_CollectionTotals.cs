using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CollectionTotals : Migration
    {
        // Hand-written: the database appends the collection report's totals as invoices and allocations are written, whoever
        // writes them. Billed: every insert, update or delete of invoices adds, per issue month, the new rows' totals less the old
        // rows' (void invoices count nothing), so voiding takes an invoice back out of its month. Allocations are never changed:
        // every insert adds per quarter of an hour (UTC) and payment method. The rows already there are summed once here.
        private const string AppendTotals = """
            CREATE FUNCTION invoices_append_billed_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO billed_month_totals (month, amount)
                SELECT date_trunc('month', issue_date)::date, sum(total) FROM new_invoices WHERE status <> 'Void'
                GROUP BY 1 HAVING sum(total) <> 0;
                RETURN NULL;
            END $$;

            CREATE FUNCTION invoices_append_billed_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO billed_month_totals (month, amount)
                SELECT month, sum(amount) FROM (
                    SELECT date_trunc('month', issue_date)::date AS month, total AS amount FROM new_invoices WHERE status <> 'Void'
                    UNION ALL
                    SELECT date_trunc('month', issue_date)::date, -total FROM old_invoices WHERE status <> 'Void'
                ) changed GROUP BY month HAVING sum(amount) <> 0;
                RETURN NULL;
            END $$;

            CREATE FUNCTION invoices_append_billed_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO billed_month_totals (month, amount)
                SELECT date_trunc('month', issue_date)::date, -sum(total) FROM old_invoices WHERE status <> 'Void'
                GROUP BY 1 HAVING sum(total) <> 0;
                RETURN NULL;
            END $$;

            CREATE TRIGGER invoices_billed_inserted AFTER INSERT ON invoices
                REFERENCING NEW TABLE AS new_invoices FOR EACH STATEMENT EXECUTE FUNCTION invoices_append_billed_inserted();
            CREATE TRIGGER invoices_billed_updated AFTER UPDATE ON invoices
                REFERENCING OLD TABLE AS old_invoices NEW TABLE AS new_invoices FOR EACH STATEMENT EXECUTE FUNCTION invoices_append_billed_updated();
            CREATE TRIGGER invoices_billed_deleted AFTER DELETE ON invoices
                REFERENCING OLD TABLE AS old_invoices FOR EACH STATEMENT EXECUTE FUNCTION invoices_append_billed_deleted();

            CREATE FUNCTION payment_allocations_append_quarter_totals() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO allocation_quarter_totals (quarter, method, amount, count, issue_days)
                SELECT date_bin('15 minutes', n.allocated_at, timestamptz '2000-01-01 00:00+00'), y.method,
                       sum(n.amount), count(*), sum(i.issue_date - date '2000-01-01')
                FROM new_allocations n JOIN payments y ON y.id = n.payment_id JOIN invoices i ON i.id = n.invoice_id
                GROUP BY 1, 2;
                RETURN NULL;
            END $$;

            CREATE TRIGGER payment_allocations_quarter_totals AFTER INSERT ON payment_allocations
                REFERENCING NEW TABLE AS new_allocations FOR EACH STATEMENT EXECUTE FUNCTION payment_allocations_append_quarter_totals();

            INSERT INTO billed_month_totals (month, amount)
            SELECT date_trunc('month', issue_date)::date, sum(total) FROM invoices WHERE status <> 'Void' GROUP BY 1 HAVING sum(total) <> 0;

            INSERT INTO allocation_quarter_totals (quarter, method, amount, count, issue_days)
            SELECT date_bin('15 minutes', a.allocated_at, timestamptz '2000-01-01 00:00+00'), y.method,
                   sum(a.amount), count(*), sum(i.issue_date - date '2000-01-01')
            FROM payment_allocations a JOIN payments y ON y.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
            GROUP BY 1, 2;
            """;

        private const string DropAppendTotals = """
            DROP TRIGGER IF EXISTS payment_allocations_quarter_totals ON payment_allocations;
            DROP FUNCTION IF EXISTS payment_allocations_append_quarter_totals();
            DROP TRIGGER IF EXISTS invoices_billed_inserted ON invoices;
            DROP TRIGGER IF EXISTS invoices_billed_updated ON invoices;
            DROP TRIGGER IF EXISTS invoices_billed_deleted ON invoices;
            DROP FUNCTION IF EXISTS invoices_append_billed_inserted();
            DROP FUNCTION IF EXISTS invoices_append_billed_updated();
            DROP FUNCTION IF EXISTS invoices_append_billed_deleted();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allocation_quarter_totals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    issue_days = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocation_quarter_totals", x => x.id);
                    table.CheckConstraint("ck_allocation_quarter_totals_method", "method IN ('Cash', 'BankTransfer', 'Qris')");
                    table.CheckConstraint("ck_allocation_quarter_totals_quarter", "extract(epoch FROM quarter)::bigint % 900 = 0");
                });

            migrationBuilder.CreateTable(
                name: "billed_month_totals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billed_month_totals", x => x.id);
                    table.CheckConstraint("ck_billed_month_totals_month", "extract(day FROM month) = 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocation_quarter_totals_quarter_method",
                table: "allocation_quarter_totals",
                columns: new[] { "quarter", "method" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "count", "issue_days" });

            migrationBuilder.CreateIndex(
                name: "ix_billed_month_totals_month",
                table: "billed_month_totals",
                column: "month")
                .Annotation("Npgsql:IndexInclude", new[] { "amount" });

            migrationBuilder.Sql(AppendTotals);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropAppendTotals);
            migrationBuilder.DropTable(
                name: "allocation_quarter_totals");

            migrationBuilder.DropTable(
                name: "billed_month_totals");
        }
    }
}
