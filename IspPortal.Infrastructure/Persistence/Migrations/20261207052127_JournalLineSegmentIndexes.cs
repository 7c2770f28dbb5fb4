using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JournalLineSegmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_journal_lines_location_code_id",
                table: "journal_lines");

            migrationBuilder.DropIndex(
                name: "ix_journal_lines_router_id",
                table: "journal_lines");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_location_date",
                table: "journal_lines",
                columns: new[] { "location_code_id", "entry_date" },
                filter: "location_code_id IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "account_id", "debit", "credit" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_router_date",
                table: "journal_lines",
                columns: new[] { "router_id", "entry_date" },
                filter: "router_id IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "account_id", "debit", "credit" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_journal_lines_location_date",
                table: "journal_lines");

            migrationBuilder.DropIndex(
                name: "ix_journal_lines_router_date",
                table: "journal_lines");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_location_code_id",
                table: "journal_lines",
                column: "location_code_id",
                filter: "location_code_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_router_id",
                table: "journal_lines",
                column: "router_id",
                filter: "router_id IS NOT NULL");
        }
    }
}
