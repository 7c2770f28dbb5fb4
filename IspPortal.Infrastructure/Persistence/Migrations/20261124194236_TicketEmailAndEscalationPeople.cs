using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketEmailAndEscalationPeople : Migration
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

            migrationBuilder.AddColumn<Guid>(
                name: "escalation_user_id_level1",
                table: "ticket_categories",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "escalation_user_id_level2",
                table: "ticket_categories",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "escalation_user_id_level3",
                table: "ticket_categories",
                type: "uuid",
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

            migrationBuilder.CreateIndex(
                name: "ix_ticket_categories_escalation_user_id_level1",
                table: "ticket_categories",
                column: "escalation_user_id_level1");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_categories_escalation_user_id_level2",
                table: "ticket_categories",
                column: "escalation_user_id_level2");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_categories_escalation_user_id_level3",
                table: "ticket_categories",
                column: "escalation_user_id_level3");

            migrationBuilder.AddForeignKey(
                name: "fk_ticket_categories_users_escalation_user_id_level1",
                table: "ticket_categories",
                column: "escalation_user_id_level1",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ticket_categories_users_escalation_user_id_level2",
                table: "ticket_categories",
                column: "escalation_user_id_level2",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_ticket_categories_users_escalation_user_id_level3",
                table: "ticket_categories",
                column: "escalation_user_id_level3",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

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
                name: "fk_ticket_categories_users_escalation_user_id_level1",
                table: "ticket_categories");

            migrationBuilder.DropForeignKey(
                name: "fk_ticket_categories_users_escalation_user_id_level2",
                table: "ticket_categories");

            migrationBuilder.DropForeignKey(
                name: "fk_ticket_categories_users_escalation_user_id_level3",
                table: "ticket_categories");

            migrationBuilder.DropForeignKey(
                name: "fk_ticket_comments_notification_outbox_outbox_message_id",
                table: "ticket_comments");

            migrationBuilder.DropIndex(
                name: "ux_ticket_comments_email_message_id",
                table: "ticket_comments");

            migrationBuilder.DropIndex(
                name: "ux_ticket_comments_outbox_message_id",
                table: "ticket_comments");

            migrationBuilder.DropIndex(
                name: "ix_ticket_categories_escalation_user_id_level1",
                table: "ticket_categories");

            migrationBuilder.DropIndex(
                name: "ix_ticket_categories_escalation_user_id_level2",
                table: "ticket_categories");

            migrationBuilder.DropIndex(
                name: "ix_ticket_categories_escalation_user_id_level3",
                table: "ticket_categories");

            migrationBuilder.DropColumn(
                name: "email_message_id",
                table: "ticket_comments");

            migrationBuilder.DropColumn(
                name: "outbox_message_id",
                table: "ticket_comments");

            migrationBuilder.DropColumn(
                name: "escalation_user_id_level1",
                table: "ticket_categories");

            migrationBuilder.DropColumn(
                name: "escalation_user_id_level2",
                table: "ticket_categories");

            migrationBuilder.DropColumn(
                name: "escalation_user_id_level3",
                table: "ticket_categories");
        }
    }
}
