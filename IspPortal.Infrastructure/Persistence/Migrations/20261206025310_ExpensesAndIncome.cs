using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExpensesAndIncome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropColumn(
                name: "category",
                table: "income");

            migrationBuilder.DropColumn(
                name: "method",
                table: "income");

            migrationBuilder.DropColumn(
                name: "category",
                table: "expenses");

            migrationBuilder.RenameColumn(
                name: "method",
                table: "expenses",
                newName: "status");

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
                name: "expense_categories");

            migrationBuilder.DropTable(
                name: "income_categories");

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
        }
    }
}
