using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PortalAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_network_alerts_open_router_kind",
                table: "network_alerts");

            migrationBuilder.AlterColumn<int>(
                name: "router_id",
                table: "network_alerts",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateIndex(
                name: "ux_network_alerts_open_router_kind",
                table: "network_alerts",
                columns: new[] { "router_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.AddCheckConstraint(
                name: "ck_network_alerts_router",
                table: "network_alerts",
                sql: "(router_id IS NULL) = (kind = 'BackupFailed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_network_alerts_open_router_kind",
                table: "network_alerts");

            migrationBuilder.DropCheckConstraint(
                name: "ck_network_alerts_router",
                table: "network_alerts");

            migrationBuilder.AlterColumn<int>(
                name: "router_id",
                table: "network_alerts",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_network_alerts_open_router_kind",
                table: "network_alerts",
                columns: new[] { "router_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");
        }
    }
}
