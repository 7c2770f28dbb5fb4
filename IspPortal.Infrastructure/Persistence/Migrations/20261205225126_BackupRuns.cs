using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BackupRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "backup_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    offsite = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    offsite_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_backup_runs", x => x.id);
                    table.CheckConstraint("ck_backup_runs_offsite", "offsite IN ('NotConfigured', 'Pending', 'Copied', 'Failed')");
                    table.CheckConstraint("ck_backup_runs_size", "size_bytes IS NULL OR size_bytes >= 0");
                    table.CheckConstraint("ck_backup_runs_status", "status IN ('Running', 'Succeeded', 'Failed')");
                    table.CheckConstraint("ck_backup_runs_trigger", "trigger IN ('Schedule', 'Manual')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_backup_runs_started_at",
                table: "backup_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ux_backup_runs_one_running",
                table: "backup_runs",
                column: "status",
                unique: true,
                filter: "status = 'Running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backup_runs");
        }
    }
}
