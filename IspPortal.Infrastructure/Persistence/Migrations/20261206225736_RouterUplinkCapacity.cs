using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RouterUplinkCapacity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "uplink_capacity_mbps",
                table: "routers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_routers_uplink_capacity_mbps",
                table: "routers",
                sql: "uplink_capacity_mbps BETWEEN 1 AND 400000");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_routers_uplink_capacity_mbps",
                table: "routers");

            migrationBuilder.DropColumn(
                name: "uplink_capacity_mbps",
                table: "routers");
        }
    }
}
