using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketEmailIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email_message_id",
                table: "ticket_comments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_ticket_comments_email_message_id",
                table: "ticket_comments",
                column: "email_message_id",
                unique: true,
                filter: "email_message_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_ticket_comments_email_message_id",
                table: "ticket_comments");

            migrationBuilder.DropColumn(
                name: "email_message_id",
                table: "ticket_comments");
        }
    }
}
