using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketChatReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "attachment_size",
                table: "ticket_comments",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ticket_reads",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    last_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_reads", x => new { x.user_id, x.ticket_id });
                    table.ForeignKey(
                        name: "fk_ticket_reads_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_reads_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_unread",
                table: "tickets",
                columns: new[] { "assignee_id", "last_customer_message_at" },
                filter: "last_customer_message_at IS NOT NULL AND status NOT IN ('Verified', 'Closed', 'Cancelled')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_comments_attachment_size",
                table: "ticket_comments",
                sql: "attachment_size IS NULL OR attachment_size >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_reads_ticket_id",
                table: "ticket_reads",
                column: "ticket_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_reads");

            migrationBuilder.DropIndex(
                name: "ix_tickets_unread",
                table: "tickets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_comments_attachment_size",
                table: "ticket_comments");

            migrationBuilder.DropColumn(
                name: "attachment_size",
                table: "ticket_comments");
        }
    }
}
