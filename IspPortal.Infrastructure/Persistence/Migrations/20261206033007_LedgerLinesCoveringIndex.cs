using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerLinesCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines",
                columns: new[] { "account_id", "entry_date", "entry_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "debit", "credit" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines",
                columns: new[] { "account_id", "entry_date", "entry_id" });
        }
    }
}
