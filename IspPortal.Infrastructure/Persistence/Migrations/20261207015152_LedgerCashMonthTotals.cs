using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCashMonthTotals : Migration
    {
        // Hand-written: every insert of journal lines appends, per account and month, the non-cash lines of the entries
        // that move cash (Cash, Bank, Clearing). An entry's lines may come in more than one statement, so an entry counts
        // its new non-cash lines when it already had a cash line, and all its non-cash lines (earlier ones too) when its
        // first cash line comes now; entries without cash add nothing. Lines are never changed or deleted (the ledger's
        // guard) and an account's kind is fixed, so appending is enough. The lines already posted are summed once here.
        private const string AppendCashTotals = """
            CREATE FUNCTION journal_lines_append_cash_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                WITH touched AS (
                    SELECT DISTINCT entry_id FROM new_lines
                ), cash_before AS (
                    SELECT DISTINCT l.entry_id
                    FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
                    WHERE l.entry_id IN (SELECT entry_id FROM touched) AND a.kind IN ('Cash', 'Bank', 'Clearing')
                      AND NOT EXISTS (SELECT 1 FROM new_lines n WHERE n.id = l.id)
                ), cash_first_now AS (
                    SELECT DISTINCT n.entry_id
                    FROM new_lines n JOIN ledger_accounts a ON a.id = n.account_id
                    WHERE a.kind IN ('Cash', 'Bank', 'Clearing')
                    EXCEPT SELECT entry_id FROM cash_before
                ), counted AS (
                    SELECT n.account_id, n.entry_date, n.debit, n.credit
                    FROM new_lines n JOIN ledger_accounts a ON a.id = n.account_id
                    WHERE a.kind NOT IN ('Cash', 'Bank', 'Clearing') AND n.entry_id IN (SELECT entry_id FROM cash_before)
                    UNION ALL
                    SELECT l.account_id, l.entry_date, l.debit, l.credit
                    FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
                    WHERE a.kind NOT IN ('Cash', 'Bank', 'Clearing') AND l.entry_id IN (SELECT entry_id FROM cash_first_now)
                )
                INSERT INTO ledger_cash_month_totals (account_id, month, debit, credit)
                SELECT account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
                FROM counted GROUP BY account_id, date_trunc('month', entry_date);
                RETURN NULL;
            END $$;

            CREATE TRIGGER journal_lines_cash_month_totals AFTER INSERT ON journal_lines
                REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_append_cash_month_totals();

            INSERT INTO ledger_cash_month_totals (account_id, month, debit, credit)
            SELECT l.account_id, date_trunc('month', l.entry_date)::date, sum(l.debit), sum(l.credit)
            FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
            WHERE a.kind NOT IN ('Cash', 'Bank', 'Clearing')
              AND EXISTS (SELECT 1 FROM journal_lines c JOIN ledger_accounts ca ON ca.id = c.account_id
                          WHERE c.entry_id = l.entry_id AND ca.kind IN ('Cash', 'Bank', 'Clearing'))
            GROUP BY l.account_id, date_trunc('month', l.entry_date);
            """;

        private const string DropAppendCashTotals = """
            DROP TRIGGER IF EXISTS journal_lines_cash_month_totals ON journal_lines;
            DROP FUNCTION IF EXISTS journal_lines_append_cash_month_totals();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_cash_month_totals",
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
                    table.PrimaryKey("pk_ledger_cash_month_totals", x => x.id);
                    table.CheckConstraint("ck_ledger_cash_month_totals_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_ledger_cash_month_totals_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_cash_month_totals_account_id",
                table: "ledger_cash_month_totals",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_cash_month_totals_month_account",
                table: "ledger_cash_month_totals",
                columns: new[] { "month", "account_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "debit", "credit" });

            migrationBuilder.Sql(AppendCashTotals);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropAppendCashTotals);
            migrationBuilder.DropTable(
                name: "ledger_cash_month_totals");
        }
    }
}
