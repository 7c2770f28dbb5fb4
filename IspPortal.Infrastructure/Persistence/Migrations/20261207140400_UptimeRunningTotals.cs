using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UptimeRunningTotals : Migration
    {
        // Hand-written: the stored days are forgotten (the uptime job stores them again with the new totals on its next run; the reports
        // compute the days live meanwhile), and deleting a customer marks their days, whose network totals counted them.
        private const string CustomersDeleted = """
            CREATE FUNCTION uptime_dirty_customers_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM uptime_days) THEN
                    INSERT INTO uptime_dirty_spans (starts_at, ends_at) SELECT created_at, NULL FROM old_customers;
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER customers_uptime_deleted AFTER DELETE ON customers
                REFERENCING OLD TABLE AS old_customers FOR EACH STATEMENT EXECUTE FUNCTION uptime_dirty_customers_deleted();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM uptime_days; DELETE FROM uptime_customer_days; DELETE FROM uptime_customer_months;");

            migrationBuilder.AddColumn<decimal>(
                name: "active_seconds",
                table: "uptime_days",
                type: "numeric(20,6)",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "lost_seconds",
                table: "uptime_days",
                type: "numeric(20,6)",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "cum_active_seconds",
                table: "uptime_customer_months",
                type: "numeric(20,6)",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "cum_lost_seconds",
                table: "uptime_customer_months",
                type: "numeric(20,6)",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateIndex(
                name: "ix_uptime_customer_months_month_customer_id",
                table: "uptime_customer_months",
                columns: new[] { "month", "customer_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "plain_days", "active_seconds", "lost_seconds", "cum_active_seconds", "cum_lost_seconds" });

            migrationBuilder.CreateIndex(
                name: "ix_uptime_customer_days_day_customer_id",
                table: "uptime_customer_days",
                columns: new[] { "day", "customer_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "active_seconds", "lost_seconds" });

            migrationBuilder.Sql(CustomersDeleted);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS customers_uptime_deleted ON customers; DROP FUNCTION IF EXISTS uptime_dirty_customers_deleted();");

            migrationBuilder.DropIndex(
                name: "ix_uptime_customer_months_month_customer_id",
                table: "uptime_customer_months");

            migrationBuilder.DropIndex(
                name: "ix_uptime_customer_days_day_customer_id",
                table: "uptime_customer_days");

            migrationBuilder.DropColumn(
                name: "active_seconds",
                table: "uptime_days");

            migrationBuilder.DropColumn(
                name: "lost_seconds",
                table: "uptime_days");

            migrationBuilder.DropColumn(
                name: "cum_active_seconds",
                table: "uptime_customer_months");

            migrationBuilder.DropColumn(
                name: "cum_lost_seconds",
                table: "uptime_customer_months");
        }
    }
}
