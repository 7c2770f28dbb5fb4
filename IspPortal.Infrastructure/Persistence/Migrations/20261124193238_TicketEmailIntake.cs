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

            migrationBuilder.AddColumn<long>(
                name: "outbox_message_id",
                table: "ticket_comments",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_ticket_comments_email_message_id",
                table: "ticket_comments",
                column: "email_message_id",
                unique: true,
                filter: "email_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_ticket_comments_outbox_message_id",
                table: "ticket_comments",
                column: "outbox_message_id",
                unique: true,
                filter: "outbox_message_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_ticket_comments_notification_outbox_outbox_message_id",
                table: "ticket_comments",
                column: "outbox_message_id",
                principalTable: "notification_outbox",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_ticket_comments_notification_outbox_outbox_message_id",
                table: "ticket_comments");

            migrationBuilder.DropIndex(
                name: "ux_ticket_comments_email_message_id",
                table: "ticket_comments");

            migrationBuilder.DropIndex(
                name: "ux_ticket_comments_outbox_message_id",
                table: "ticket_comments");

            migrationBuilder.DropColumn(
                name: "email_message_id",
                table: "ticket_comments");

            migrationBuilder.DropColumn(
                name: "outbox_message_id",
                table: "ticket_comments");
        }
    }
}
