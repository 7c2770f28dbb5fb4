using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerLinkVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_activities_kind",
                table: "ticket_activities");

            migrationBuilder.AddColumn<int>(
                name: "customer_link_version",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "pay_link_version",
                table: "invoices",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_activities_kind",
                table: "ticket_activities",
                sql: "kind IN ('Created', 'Categorised', 'StatusChanged', 'Assigned', 'PriorityChanged', 'Commented', 'Escalated', 'Rated', 'CustomerLinksRevoked')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_activities_kind",
                table: "ticket_activities");

            migrationBuilder.DropColumn(
                name: "customer_link_version",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "pay_link_version",
                table: "invoices");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_activities_kind",
                table: "ticket_activities",
                sql: "kind IN ('Created', 'Categorised', 'StatusChanged', 'Assigned', 'PriorityChanged', 'Commented', 'Escalated', 'Rated')");
        }
    }
}
