using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The interface whose byte counters are a router's traffic on the monitoring page; without it
    /// the sync sums every configured interface, which counts routed traffic twice.
    /// </summary>
    public partial class RouterUplinkInterface : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "uplink_interface",
                table: "routers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "uplink_interface",
                table: "routers");
        }
    }
}
