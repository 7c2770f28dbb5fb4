using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        // The ledger guards itself, whoever writes: every statement that adds lines leaves each entry it
        // touched balanced; no entry lands in a closed month; nothing posted is ever changed or deleted
        // (a mistake is corrected by another entry). Statement triggers with transition tables check a
        // whole invoice run's entries in one query instead of one per row. TRUNCATE stays possible for
        // a restore into an empty database and for tests.
        private const string LedgerGuardsSql = """
            CREATE FUNCTION journal_lines_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                unbalanced bigint;
            BEGIN
                SELECT l.entry_id INTO unbalanced
                FROM journal_lines l
                WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM new_lines)
                GROUP BY l.entry_id
                HAVING sum(l.debit) <> sum(l.credit)
                LIMIT 1;
                IF unbalanced IS NOT NULL THEN
                    RAISE EXCEPTION 'journal entry % does not balance', unbalanced
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_journal_entries_balanced';
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
                REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_check_balanced();

            CREATE FUNCTION journal_entries_check_period_open() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                closed date;
            BEGIN
                SELECT p.month INTO closed
                FROM new_entries n JOIN ledger_periods p ON p.month = date_trunc('month', n.entry_date)::date
                LIMIT 1;
                IF closed IS NOT NULL THEN
                    RAISE EXCEPTION 'the books of % are closed', to_char(closed, 'YYYY-MM')
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_journal_entries_period_open';
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER journal_entries_period_open AFTER INSERT ON journal_entries
                REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION journal_entries_check_period_open();

            CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'posted journal rows are never changed or deleted; post a correcting entry'
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_journal_immutable';
            END $$;

            CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
                FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
            CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines
                FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
            """;

        private const string DropLedgerGuardsSql = """
            DROP TRIGGER IF EXISTS journal_lines_immutable ON journal_lines;
            DROP TRIGGER IF EXISTS journal_entries_immutable ON journal_entries;
            DROP TRIGGER IF EXISTS journal_entries_period_open ON journal_entries;
            DROP TRIGGER IF EXISTS journal_lines_balanced ON journal_lines;
            DROP FUNCTION IF EXISTS journal_refuse_change();
            DROP FUNCTION IF EXISTS journal_entries_check_period_open();
            DROP FUNCTION IF EXISTS journal_lines_check_balanced();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_date = table.Column<DateOnly>(type: "date", nullable: false),
                    source_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    memo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entries", x => x.id);
                    table.CheckConstraint("ck_journal_entries_source_type", "source_type IN ('Invoice', 'InvoiceVoid', 'CreditNote', 'Payment', 'Allocation', 'Expense', 'ExpensePayment', 'Income', 'AssetPurchase', 'Depreciation', 'AssetDisposal', 'Capital', 'Investment', 'Manual', 'YearClose', 'YearReopen')");
                    table.ForeignKey(
                        name: "fk_journal_entries_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    role = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_accounts", x => x.id);
                    table.CheckConstraint("ck_ledger_accounts_code", "code ~ '^[0-9]-[0-9]{4}$'");
                    table.CheckConstraint("ck_ledger_accounts_kind", "kind = 'General' OR type = 'Asset'");
                    table.CheckConstraint("ck_ledger_accounts_type", "type IN ('Asset', 'Liability', 'Equity', 'Revenue', 'Expense')");
                });

            migrationBuilder.CreateTable(
                name: "ledger_periods",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_periods", x => x.month);
                    table.CheckConstraint("ck_ledger_periods_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_ledger_periods_users_closed_by_id",
                        column: x => x.closed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journal_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    entry_date = table.Column<DateOnly>(type: "date", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    debit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    location_code_id = table.Column<int>(type: "integer", nullable: true),
                    router_id = table.Column<int>(type: "integer", nullable: true),
                    memo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_lines", x => x.id);
                    table.CheckConstraint("ck_journal_lines_side", "debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0)");
                    table.ForeignKey(
                        name: "fk_journal_lines_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_lines_journal_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_lines_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_lines_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_lines_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_created_by_id",
                table: "journal_entries",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_entry_date_id",
                table: "journal_entries",
                columns: new[] { "entry_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_source_number",
                table: "journal_entries",
                column: "source_number");

            migrationBuilder.CreateIndex(
                name: "ux_journal_entries_source",
                table: "journal_entries",
                columns: new[] { "source_type", "source_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines",
                columns: new[] { "account_id", "entry_date", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_customer_id",
                table: "journal_lines",
                column: "customer_id",
                filter: "customer_id IS NOT NULL");

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

            migrationBuilder.CreateIndex(
                name: "ux_journal_lines_entry_position",
                table: "journal_lines",
                columns: new[] { "entry_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_ledger_accounts_code",
                table: "ledger_accounts",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_ledger_accounts_role",
                table: "ledger_accounts",
                column: "role",
                unique: true,
                filter: "role IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_periods_closed_by_id",
                table: "ledger_periods",
                column: "closed_by_id");

            migrationBuilder.Sql(LedgerGuardsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropLedgerGuardsSql);

            migrationBuilder.DropTable(
                name: "journal_lines");

            migrationBuilder.DropTable(
                name: "ledger_periods");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "ledger_accounts");
        }
    }
}
