using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RouterHealthSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Why a table of its own: the uptime and bandwidth reports need a router's CPU, uptime
            // and interface byte counters over time, while `routers` only holds the latest reading.
            // One row per router per successful sync (every 5 minutes by default).
            migrationBuilder.CreateTable(
                name: "router_health_samples",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    sampled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cpu_load_percent = table.Column<short>(type: "smallint", nullable: false),
                    uptime_seconds = table.Column<long>(type: "bigint", nullable: false),
                    active_sessions = table.Column<int>(type: "integer", nullable: false),
                    rx_bytes = table.Column<long>(type: "bigint", nullable: false),
                    tx_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_health_samples", x => x.id);
                    table.CheckConstraint("ck_router_health_samples_counters", "rx_bytes >= 0 AND tx_bytes >= 0 AND uptime_seconds >= 0 AND active_sessions >= 0");
                    table.CheckConstraint("ck_router_health_samples_cpu", "cpu_load_percent BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_router_health_samples_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_router_health_samples_router_id_sampled_at",
                table: "router_health_samples",
                columns: new[] { "router_id", "sampled_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "router_health_samples");
        }
    }
}
