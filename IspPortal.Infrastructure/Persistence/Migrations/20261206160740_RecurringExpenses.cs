using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecurringExpenses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recurring_expenses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    vendor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    vat = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    payment_account_id = table.Column<int>(type: "integer", nullable: true),
                    day_of_month = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    last_created_month = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recurring_expenses", x => x.id);
                    table.CheckConstraint("ck_recurring_expenses_amount", "amount > 0 AND vat >= 0");
                    table.CheckConstraint("ck_recurring_expenses_day", "day_of_month BETWEEN 1 AND 28");
                    table.CheckConstraint("ck_recurring_expenses_last_month", "last_created_month IS NULL OR EXTRACT(DAY FROM last_created_month) = 1");
                    table.CheckConstraint("ck_recurring_expenses_period", "ends_on IS NULL OR ends_on >= starts_on");
                    table.ForeignKey(
                        name: "fk_recurring_expenses_expense_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "expense_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recurring_expenses_ledger_accounts_payment_account_id",
                        column: x => x.payment_account_id,
                        principalTable: "ledger_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recurring_expenses_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_category_id",
                table: "recurring_expenses",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_created_by_id",
                table: "recurring_expenses",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_is_active",
                table: "recurring_expenses",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_payment_account_id",
                table: "recurring_expenses",
                column: "payment_account_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recurring_expenses");
        }
    }
}
