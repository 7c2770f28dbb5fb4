using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerMonthTotals : Migration
    {
        // Hand-written: every insert of journal lines appends its sums per account and month (one row per
        // account-month the statement touched); the lines already posted are summed once here.
        private const string AppendTotals = """
            CREATE FUNCTION journal_lines_append_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO ledger_month_totals (account_id, month, debit, credit)
                SELECT account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
                FROM new_lines GROUP BY account_id, date_trunc('month', entry_date);
                RETURN NULL;
            END $$;

            CREATE TRIGGER journal_lines_month_totals AFTER INSERT ON journal_lines
                REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_append_month_totals();

            INSERT INTO ledger_month_totals (account_id, month, debit, credit)
            SELECT account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
            FROM journal_lines GROUP BY account_id, date_trunc('month', entry_date);
            """;

        private const string DropAppendTotals = """
            DROP TRIGGER IF EXISTS journal_lines_month_totals ON journal_lines;
            DROP FUNCTION IF EXISTS journal_lines_append_month_totals();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_month_totals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    debit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_month_totals", x => x.id);
                    table.CheckConstraint("ck_ledger_month_totals_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_ledger_month_totals_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_entry_date",
                table: "journal_lines",
                column: "entry_date")
                .Annotation("Npgsql:IndexInclude", new[] { "account_id", "debit", "credit" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_month_totals_account_month",
                table: "ledger_month_totals",
                columns: new[] { "account_id", "month" })
                .Annotation("Npgsql:IndexInclude", new[] { "debit", "credit" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_month_totals_month",
                table: "ledger_month_totals",
                column: "month");

            migrationBuilder.Sql(AppendTotals);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropAppendTotals);
            migrationBuilder.DropTable(
                name: "ledger_month_totals");

            migrationBuilder.DropIndex(
                name: "ix_journal_lines_entry_date",
                table: "journal_lines");
        }
    }
}
