using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Alerts the sync raises for the NOC (router unreachable, sync failing, mass outage), kept with
    /// open/resolved/acknowledged times so the monitoring page can list and acknowledge them; a
    /// partial unique index allows one open alert per router and kind.
    /// </summary>
    public partial class NetworkAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurrences = table.Column<int>(type: "integer", nullable: false),
                    baseline_sessions = table.Column<int>(type: "integer", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_alerts", x => x.id);
                    table.CheckConstraint("ck_network_alerts_occurrences", "occurrences >= 1");
                    table.CheckConstraint("ck_network_alerts_resolved_after_opened", "resolved_at IS NULL OR resolved_at >= opened_at");
                    table.ForeignKey(
                        name: "fk_network_alerts_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_network_alerts_users_acknowledged_by_id",
                        column: x => x.acknowledged_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_network_alerts_acknowledged_by_id",
                table: "network_alerts",
                column: "acknowledged_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_network_alerts_opened_at",
                table: "network_alerts",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "ux_network_alerts_open_router_kind",
                table: "network_alerts",
                columns: new[] { "router_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_alerts");
        }
    }
}
