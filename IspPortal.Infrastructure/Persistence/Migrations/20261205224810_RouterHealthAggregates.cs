using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RouterHealthAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "router_health_5min",
                columns: table => new
                {
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    samples = table.Column<int>(type: "integer", nullable: false),
                    cpu_avg = table.Column<double>(type: "double precision", nullable: false),
                    cpu_max = table.Column<short>(type: "smallint", nullable: false),
                    cpu_p95 = table.Column<double>(type: "double precision", nullable: false),
                    sessions_avg = table.Column<double>(type: "double precision", nullable: false),
                    sessions_max = table.Column<int>(type: "integer", nullable: false),
                    rx_bps_avg = table.Column<double>(type: "double precision", nullable: true),
                    rx_bps_max = table.Column<double>(type: "double precision", nullable: true),
                    rx_bps_p95 = table.Column<double>(type: "double precision", nullable: true),
                    tx_bps_avg = table.Column<double>(type: "double precision", nullable: true),
                    tx_bps_max = table.Column<double>(type: "double precision", nullable: true),
                    tx_bps_p95 = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_health_5min", x => new { x.router_id, x.bucket_start });
                    table.CheckConstraint("ck_router_health_5min_samples", "samples > 0");
                    table.ForeignKey(
                        name: "fk_router_health_5min_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "router_health_hourly",
                columns: table => new
                {
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    bucket_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    samples = table.Column<int>(type: "integer", nullable: false),
                    cpu_avg = table.Column<double>(type: "double precision", nullable: false),
                    cpu_max = table.Column<short>(type: "smallint", nullable: false),
                    cpu_p95 = table.Column<double>(type: "double precision", nullable: false),
                    sessions_avg = table.Column<double>(type: "double precision", nullable: false),
                    sessions_max = table.Column<int>(type: "integer", nullable: false),
                    rx_bps_avg = table.Column<double>(type: "double precision", nullable: true),
                    rx_bps_max = table.Column<double>(type: "double precision", nullable: true),
                    rx_bps_p95 = table.Column<double>(type: "double precision", nullable: true),
                    tx_bps_avg = table.Column<double>(type: "double precision", nullable: true),
                    tx_bps_max = table.Column<double>(type: "double precision", nullable: true),
                    tx_bps_p95 = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_health_hourly", x => new { x.router_id, x.bucket_start });
                    table.CheckConstraint("ck_router_health_hourly_samples", "samples > 0");
                    table.ForeignKey(
                        name: "fk_router_health_hourly_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_router_health_5min_bucket_start",
                table: "router_health_5min",
                column: "bucket_start");

            migrationBuilder.CreateIndex(
                name: "ix_router_health_hourly_bucket_start",
                table: "router_health_hourly",
                column: "bucket_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "router_health_5min");

            migrationBuilder.DropTable(
                name: "router_health_hourly");
        }
    }
}
