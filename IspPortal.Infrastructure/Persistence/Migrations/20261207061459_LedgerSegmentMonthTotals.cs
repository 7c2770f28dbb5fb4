using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerSegmentMonthTotals : Migration
    {
        // Hand-written: every insert of journal lines appends its sums per location (and per router), account and month of the lines
        // tagged with one; a line with both tags counts once under each. The lines already posted are summed once here.
        private const string AppendTotals = """
            CREATE FUNCTION journal_lines_append_segment_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO ledger_segment_month_totals (dimension, dimension_id, account_id, month, debit, credit)
                SELECT 'Location', location_code_id, account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
                FROM new_lines WHERE location_code_id IS NOT NULL GROUP BY location_code_id, account_id, date_trunc('month', entry_date)
                UNION ALL
                SELECT 'Router', router_id, account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
                FROM new_lines WHERE router_id IS NOT NULL GROUP BY router_id, account_id, date_trunc('month', entry_date);
                RETURN NULL;
            END $$;

            CREATE TRIGGER journal_lines_segment_month_totals AFTER INSERT ON journal_lines
                REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_append_segment_month_totals();

            INSERT INTO ledger_segment_month_totals (dimension, dimension_id, account_id, month, debit, credit)
            SELECT 'Location', location_code_id, account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
            FROM journal_lines WHERE location_code_id IS NOT NULL GROUP BY location_code_id, account_id, date_trunc('month', entry_date)
            UNION ALL
            SELECT 'Router', router_id, account_id, date_trunc('month', entry_date)::date, sum(debit), sum(credit)
            FROM journal_lines WHERE router_id IS NOT NULL GROUP BY router_id, account_id, date_trunc('month', entry_date);
            """;

        private const string DropAppendTotals = """
            DROP TRIGGER IF EXISTS journal_lines_segment_month_totals ON journal_lines;
            DROP FUNCTION IF EXISTS journal_lines_append_segment_month_totals();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_segment_month_totals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dimension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    dimension_id = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    debit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_segment_month_totals", x => x.id);
                    table.CheckConstraint("ck_ledger_segment_month_totals_dimension", "dimension IN ('Location', 'Router')");
                    table.CheckConstraint("ck_ledger_segment_month_totals_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_ledger_segment_month_totals_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_segment_month_totals_account_id",
                table: "ledger_segment_month_totals",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_segment_month_totals_segment_month",
                table: "ledger_segment_month_totals",
                columns: new[] { "dimension", "dimension_id", "month", "account_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "debit", "credit" });

            migrationBuilder.Sql(AppendTotals);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropAppendTotals);

            migrationBuilder.DropTable(
                name: "ledger_segment_month_totals");
        }
    }
}
