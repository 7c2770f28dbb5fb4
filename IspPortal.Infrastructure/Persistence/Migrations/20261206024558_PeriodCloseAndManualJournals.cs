using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PeriodCloseAndManualJournals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_period_reopenings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reopened_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reopened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_period_reopenings", x => x.id);
                    table.CheckConstraint("ck_ledger_period_reopenings_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_ledger_period_reopenings_users_closed_by_id",
                        column: x => x.closed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_period_reopenings_users_reopened_by_id",
                        column: x => x.reopened_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "manual_journals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entry_date = table.Column<DateOnly>(type: "date", nullable: false),
                    memo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    entry_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manual_journals", x => x.id);
                    table.CheckConstraint("ck_manual_journals_posted", "(status = 'Posted') = (entry_id IS NOT NULL)");
                    table.CheckConstraint("ck_manual_journals_rejected", "(status = 'Rejected') = (rejection_reason IS NOT NULL)");
                    table.CheckConstraint("ck_manual_journals_status", "status IN ('Pending', 'Posted', 'Rejected')");
                    table.CheckConstraint("ck_manual_journals_total", "total > 0");
                    table.ForeignKey(
                        name: "fk_manual_journals_journal_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_manual_journals_users_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_manual_journals_users_requested_by_id",
                        column: x => x.requested_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "manual_journal_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    manual_journal_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    debit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    location_code_id = table.Column<int>(type: "integer", nullable: true),
                    router_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manual_journal_lines", x => x.id);
                    table.CheckConstraint("ck_manual_journal_lines_side", "debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0)");
                    table.ForeignKey(
                        name: "fk_manual_journal_lines_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_manual_journal_lines_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_manual_journal_lines_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_manual_journal_lines_manual_journals_manual_journal_id",
                        column: x => x.manual_journal_id,
                        principalTable: "manual_journals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_manual_journal_lines_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_period_reopenings_closed_by_id",
                table: "ledger_period_reopenings",
                column: "closed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_period_reopenings_month",
                table: "ledger_period_reopenings",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_period_reopenings_reopened_by_id",
                table: "ledger_period_reopenings",
                column: "reopened_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_manual_journal_lines_account_id",
                table: "manual_journal_lines",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_manual_journal_lines_customer_id",
                table: "manual_journal_lines",
                column: "customer_id",
                filter: "customer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_manual_journal_lines_location_code_id",
                table: "manual_journal_lines",
                column: "location_code_id",
                filter: "location_code_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_manual_journal_lines_router_id",
                table: "manual_journal_lines",
                column: "router_id",
                filter: "router_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_manual_journal_lines_position",
                table: "manual_journal_lines",
                columns: new[] { "manual_journal_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_manual_journals_decided_by_id",
                table: "manual_journals",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_manual_journals_requested_by_id",
                table: "manual_journals",
                column: "requested_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_manual_journals_status",
                table: "manual_journals",
                column: "status",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ux_manual_journals_entry",
                table: "manual_journals",
                column: "entry_id",
                unique: true,
                filter: "entry_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_manual_journals_number",
                table: "manual_journals",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_period_reopenings");

            migrationBuilder.DropTable(
                name: "manual_journal_lines");

            migrationBuilder.DropTable(
                name: "manual_journals");
        }
    }
}
