using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Attachments move from a JSON list of file paths on the outbox row (never written) to their own
    /// table, saved in the message's transaction, so any instance's dispatcher can send them. The
    /// partitioned notification_logs (created by SQL, not by EF) learns the status SkippedDisabled.
    /// </summary>
    public partial class NotificationAttachments : Migration
    {
        private const string LogStatuses = "'Sent', 'TransientFailure', 'PermanentFailure', 'Delivered', 'Read', 'Failed', 'SkippedQuietHours', 'SkippedOptOut'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE notification_logs DROP CONSTRAINT ck_notification_logs_status;
                ALTER TABLE notification_logs ADD CONSTRAINT ck_notification_logs_status CHECK (status IN ({LogStatuses}, 'SkippedDisabled'));
                """);

            migrationBuilder.DropColumn(
                name: "attachments",
                table: "notification_outbox");

            migrationBuilder.CreateTable(
                name: "notification_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    outbox_message_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_attachments", x => x.id);
                    table.CheckConstraint("ck_notification_attachments_size", "octet_length(content) BETWEEN 1 AND 10485760");
                    table.ForeignKey(
                        name: "fk_notification_attachments_outbox_messages_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "notification_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notification_attachments_outbox_message_id",
                table: "notification_attachments",
                column: "outbox_message_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DELETE FROM notification_logs WHERE status = 'SkippedDisabled';
                ALTER TABLE notification_logs DROP CONSTRAINT ck_notification_logs_status;
                ALTER TABLE notification_logs ADD CONSTRAINT ck_notification_logs_status CHECK (status IN ({LogStatuses}));
                """);

            migrationBuilder.DropTable(
                name: "notification_attachments");

            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "notification_outbox",
                type: "jsonb",
                nullable: true);
        }
    }
}
