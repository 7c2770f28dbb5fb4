using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerConnectionHotUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_router_id_connection_state",
                table: "customers");

            migrationBuilder.AlterTable(
                name: "customers")
                .Annotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "ix_customers_router_id",
                table: "customers",
                column: "router_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_router_id",
                table: "customers");

            migrationBuilder.AlterTable(
                name: "customers")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 50);

            migrationBuilder.CreateIndex(
                name: "ix_customers_router_id_connection_state",
                table: "customers",
                columns: new[] { "router_id", "connection_state" });
        }
    }
}
