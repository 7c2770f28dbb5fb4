using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerListPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_full_name",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_status",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "ix_customers_full_name_id",
                table: "customers",
                columns: new[] { "full_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_registered_at_id",
                table: "customers",
                columns: new[] { "registered_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_status_id",
                table: "customers",
                columns: new[] { "status", "id" });

            // The invoice search matches part of the number like the customer search does (an expression index EF cannot model).
            migrationBuilder.Sql("CREATE INDEX ix_invoices_number_trgm ON invoices USING gin (lower(number) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_invoices_number_trgm;");

            migrationBuilder.DropIndex(
                name: "ix_customers_full_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_registered_at_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_status_id",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "ix_customers_full_name",
                table: "customers",
                column: "full_name");

            migrationBuilder.CreateIndex(
                name: "ix_customers_status",
                table: "customers",
                column: "status");
        }
    }
}
