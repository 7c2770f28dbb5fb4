using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FinanceBooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines");

            migrationBuilder.DropIndex(
                name: "ix_income_income_date_category",
                table: "income");

            migrationBuilder.DropCheckConstraint(
                name: "ck_income_method",
                table: "income");

            migrationBuilder.DropIndex(
                name: "ix_expenses_expense_date_category",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_amount",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_approval",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_method",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_disposal",
                table: "assets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_purchase_cost",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "category",
                table: "income");

            migrationBuilder.DropColumn(
                name: "method",
                table: "income");

            migrationBuilder.DropColumn(
                name: "category",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "category",
                table: "assets");

            migrationBuilder.RenameColumn(
                name: "method",
                table: "expenses",
                newName: "status");

            migrationBuilder.AddColumn<decimal>(
                name: "installation_fee",
                table: "service_packages",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "account_id",
                table: "income",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "category_id",
                table: "income",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "income",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "category_id",
                table: "expenses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "expenses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "notes",
                table: "expenses",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "on_credit",
                table: "expenses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "paid_on",
                table: "expenses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "payment_account_id",
                table: "expenses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "expenses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "vat",
                table: "expenses",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "billing_starts_on",
                table: "customers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "assignment_version",
                table: "customer_registrations",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AlterColumn<string>(
                name: "notes",
                table: "assets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "category_id",
                table: "assets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "disposal_account_id",
                table: "assets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "disposal_kind",
                table: "assets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "paid_from_account_id",
                table: "assets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "recorded_by_id",
                table: "assets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "asset_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    asset_account_id = table.Column<int>(type: "integer", nullable: false),
                    accumulated_depreciation_account_id = table.Column<int>(type: "integer", nullable: false),
                    default_useful_life_months = table.Column<int>(type: "integer", nullable: false),
                    default_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_categories", x => x.id);
                    table.CheckConstraint("ck_asset_categories_default_method", "default_method IN ('StraightLine', 'DecliningBalance')");
                    table.CheckConstraint("ck_asset_categories_life", "default_useful_life_months > 0");
                    table.ForeignKey(
                        name: "fk_asset_categories_ledger_accounts_accumulated_depreciation_a",
                        column: x => x.accumulated_depreciation_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_asset_categories_ledger_accounts_asset_account_id",
                        column: x => x.asset_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budgets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budgets", x => x.id);
                    table.CheckConstraint("ck_budgets_amount", "amount >= 0");
                    table.CheckConstraint("ck_budgets_month", "extract(day FROM month) = 1");
                    table.ForeignKey(
                        name: "fk_budgets_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expense_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    account_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expense_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_expense_categories_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "income_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    account_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_income_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_income_categories_ledger_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.AddCheckConstraint(
                name: "ck_service_packages_installation_fee",
                table: "service_packages",
                sql: "installation_fee IS NULL OR installation_fee >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines",
                columns: new[] { "account_id", "entry_date", "entry_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "debit", "credit" });

            migrationBuilder.CreateIndex(
                name: "ix_income_account_id",
                table: "income",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_income_category_id",
                table: "income",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_income_income_date_category_id",
                table: "income",
                columns: new[] { "income_date", "category_id" });

            migrationBuilder.CreateIndex(
                name: "ux_income_idempotency_key",
                table: "income",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_expenses_category_id",
                table: "expenses",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_expenses_expense_date_category_id",
                table: "expenses",
                columns: new[] { "expense_date", "category_id" });

            migrationBuilder.CreateIndex(
                name: "ix_expenses_payment_account_id",
                table: "expenses",
                column: "payment_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_expenses_status",
                table: "expenses",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_expenses_idempotency_key",
                table: "expenses",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_amount",
                table: "expenses",
                sql: "amount > 0 AND vat >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_approval",
                table: "expenses",
                sql: "(approved_by_id IS NULL OR approved_at IS NOT NULL) AND ((status = 'Approved') = (approved_at IS NOT NULL))");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_payment",
                table: "expenses",
                sql: "(on_credit OR payment_account_id IS NOT NULL) AND ((paid_on IS NULL) OR (on_credit AND payment_account_id IS NOT NULL))");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_rejection",
                table: "expenses",
                sql: "(status = 'Rejected') = (rejection_reason IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_status",
                table: "expenses",
                sql: "status IN ('Submitted', 'Approved', 'Rejected')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customer_registrations_assignment_version",
                table: "customer_registrations",
                sql: "assignment_version >= 1");

            migrationBuilder.CreateIndex(
                name: "ix_assets_category_id",
                table: "assets",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_disposal_account_id",
                table: "assets",
                column: "disposal_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_paid_from_account_id",
                table: "assets",
                column: "paid_from_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_recorded_by_id",
                table: "assets",
                column: "recorded_by_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assets_disposal",
                table: "assets",
                sql: "(status = 'Disposed') = (disposed_on IS NOT NULL AND disposal_kind IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assets_disposal_kind",
                table: "assets",
                sql: "disposal_kind IN ('Sold', 'Scrapped')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assets_purchase_cost",
                table: "assets",
                sql: "purchase_cost > 0");

            migrationBuilder.CreateIndex(
                name: "ix_asset_categories_accumulated_depreciation_account_id",
                table: "asset_categories",
                column: "accumulated_depreciation_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_asset_categories_asset_account_id",
                table: "asset_categories",
                column: "asset_account_id");

            migrationBuilder.CreateIndex(
                name: "ux_asset_categories_code",
                table: "asset_categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budgets_month",
                table: "budgets",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "ux_budgets_account_month",
                table: "budgets",
                columns: new[] { "account_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_expense_categories_account_id",
                table: "expense_categories",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ux_expense_categories_code",
                table: "expense_categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_income_categories_account_id",
                table: "income_categories",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ux_income_categories_code",
                table: "income_categories",
                column: "code",
                unique: true);

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

            migrationBuilder.AddForeignKey(
                name: "fk_assets_asset_categories_category_id",
                table: "assets",
                column: "category_id",
                principalTable: "asset_categories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assets_ledger_accounts_disposal_account_id",
                table: "assets",
                column: "disposal_account_id",
                principalTable: "ledger_accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assets_ledger_accounts_paid_from_account_id",
                table: "assets",
                column: "paid_from_account_id",
                principalTable: "ledger_accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assets_users_recorded_by_id",
                table: "assets",
                column: "recorded_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_expenses_expense_categories_category_id",
                table: "expenses",
                column: "category_id",
                principalTable: "expense_categories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_expenses_ledger_accounts_payment_account_id",
                table: "expenses",
                column: "payment_account_id",
                principalTable: "ledger_accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_income_income_categories_category_id",
                table: "income",
                column: "category_id",
                principalTable: "income_categories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_income_ledger_accounts_account_id",
                table: "income",
                column: "account_id",
                principalTable: "ledger_accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assets_asset_categories_category_id",
                table: "assets");

            migrationBuilder.DropForeignKey(
                name: "fk_assets_ledger_accounts_disposal_account_id",
                table: "assets");

            migrationBuilder.DropForeignKey(
                name: "fk_assets_ledger_accounts_paid_from_account_id",
                table: "assets");

            migrationBuilder.DropForeignKey(
                name: "fk_assets_users_recorded_by_id",
                table: "assets");

            migrationBuilder.DropForeignKey(
                name: "fk_expenses_expense_categories_category_id",
                table: "expenses");

            migrationBuilder.DropForeignKey(
                name: "fk_expenses_ledger_accounts_payment_account_id",
                table: "expenses");

            migrationBuilder.DropForeignKey(
                name: "fk_income_income_categories_category_id",
                table: "income");

            migrationBuilder.DropForeignKey(
                name: "fk_income_ledger_accounts_account_id",
                table: "income");

            migrationBuilder.DropTable(
                name: "asset_categories");

            migrationBuilder.DropTable(
                name: "budgets");

            migrationBuilder.DropTable(
                name: "expense_categories");

            migrationBuilder.DropTable(
                name: "income_categories");

            migrationBuilder.DropTable(
                name: "ledger_period_reopenings");

            migrationBuilder.DropTable(
                name: "manual_journal_lines");

            migrationBuilder.DropTable(
                name: "manual_journals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_service_packages_installation_fee",
                table: "service_packages");

            migrationBuilder.DropIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines");

            migrationBuilder.DropIndex(
                name: "ix_income_account_id",
                table: "income");

            migrationBuilder.DropIndex(
                name: "ix_income_category_id",
                table: "income");

            migrationBuilder.DropIndex(
                name: "ix_income_income_date_category_id",
                table: "income");

            migrationBuilder.DropIndex(
                name: "ux_income_idempotency_key",
                table: "income");

            migrationBuilder.DropIndex(
                name: "ix_expenses_category_id",
                table: "expenses");

            migrationBuilder.DropIndex(
                name: "ix_expenses_expense_date_category_id",
                table: "expenses");

            migrationBuilder.DropIndex(
                name: "ix_expenses_payment_account_id",
                table: "expenses");

            migrationBuilder.DropIndex(
                name: "ix_expenses_status",
                table: "expenses");

            migrationBuilder.DropIndex(
                name: "ux_expenses_idempotency_key",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_amount",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_approval",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_payment",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_rejection",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_expenses_status",
                table: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customer_registrations_assignment_version",
                table: "customer_registrations");

            migrationBuilder.DropIndex(
                name: "ix_assets_category_id",
                table: "assets");

            migrationBuilder.DropIndex(
                name: "ix_assets_disposal_account_id",
                table: "assets");

            migrationBuilder.DropIndex(
                name: "ix_assets_paid_from_account_id",
                table: "assets");

            migrationBuilder.DropIndex(
                name: "ix_assets_recorded_by_id",
                table: "assets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_disposal",
                table: "assets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_disposal_kind",
                table: "assets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_purchase_cost",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "installation_fee",
                table: "service_packages");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "income");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "income");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "income");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "on_credit",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "paid_on",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "payment_account_id",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "vat",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "billing_starts_on",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "assignment_version",
                table: "customer_registrations");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "disposal_account_id",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "disposal_kind",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "paid_from_account_id",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "recorded_by_id",
                table: "assets");

            migrationBuilder.RenameColumn(
                name: "status",
                table: "expenses",
                newName: "method");

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "income",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "method",
                table: "income",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "expenses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "notes",
                table: "assets",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "assets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_journal_lines_account_date",
                table: "journal_lines",
                columns: new[] { "account_id", "entry_date", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_income_income_date_category",
                table: "income",
                columns: new[] { "income_date", "category" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_income_method",
                table: "income",
                sql: "method IN ('Cash', 'BankTransfer', 'Qris', 'Card', 'Other')");

            migrationBuilder.CreateIndex(
                name: "ix_expenses_expense_date_category",
                table: "expenses",
                columns: new[] { "expense_date", "category" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_amount",
                table: "expenses",
                sql: "amount > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_approval",
                table: "expenses",
                sql: "(approved_by_id IS NULL) = (approved_at IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_expenses_method",
                table: "expenses",
                sql: "method IN ('Cash', 'BankTransfer', 'Qris', 'Card', 'Other')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assets_disposal",
                table: "assets",
                sql: "(status = 'Disposed') = (disposed_on IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assets_purchase_cost",
                table: "assets",
                sql: "purchase_cost >= 0");
        }
    }
}
