using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Payments recorded at most once per idempotency key and showing their QRIS code again; credit
    /// notes that take money off issued invoices (which are never edited); one-off charges waiting
    /// for the next invoice; the daily reminder and overdue runs in the run history.
    /// </summary>
    public partial class PaymentsCreditNotesCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_invoices_amount_paid",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_invoices_amounts",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_invoices_paid",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_billing_runs_counts",
                table: "billing_runs");

            migrationBuilder.DropCheckConstraint(
                name: "ck_billing_runs_kind",
                table: "billing_runs");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "gateway_expires_at",
                table: "payments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gateway_qr_string",
                table: "payments",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "credited_amount",
                table: "invoices",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "failed",
                table: "billing_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "billing_charges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    invoice_id = table.Column<int>(type: "integer", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_charges", x => x.id);
                    table.CheckConstraint("ck_billing_charges_amount", "amount > 0");
                    table.CheckConstraint("ck_billing_charges_kind", "kind IN ('Installation', 'Equipment', 'OneOff', 'Discount')");
                    table.ForeignKey(
                        name: "fk_billing_charges_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_charges_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_billing_charges_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    invoice_id = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_notes", x => x.id);
                    table.CheckConstraint("ck_credit_notes_amount", "amount > 0");
                    table.ForeignKey(
                        name: "fk_credit_notes_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_notes_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_notes_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_payments_idempotency_key",
                table: "payments",
                column: "idempotency_key",
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_invoices_amount_paid",
                table: "invoices",
                sql: "amount_paid + credited_amount <= total");

            migrationBuilder.AddCheckConstraint(
                name: "ck_invoices_amounts",
                table: "invoices",
                sql: "subtotal >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND amount_paid >= 0 AND credited_amount >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_invoices_paid",
                table: "invoices",
                sql: "status <> 'Paid' OR (amount_paid + credited_amount = total AND paid_at IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_billing_runs_counts",
                table: "billing_runs",
                sql: "created >= 0 AND skipped >= 0 AND failed >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_billing_runs_kind",
                table: "billing_runs",
                sql: "kind IN ('Invoices', 'Reminders', 'OverdueCheck')");

            migrationBuilder.CreateIndex(
                name: "ix_billing_charges_created_by_id",
                table: "billing_charges",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_charges_invoice_id",
                table: "billing_charges",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_charges_waiting",
                table: "billing_charges",
                column: "customer_id",
                filter: "invoice_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_created_by_id",
                table: "credit_notes",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_customer_id",
                table: "credit_notes",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_invoice_id",
                table: "credit_notes",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ux_credit_notes_number",
                table: "credit_notes",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_charges");

            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropIndex(
                name: "ux_payments_idempotency_key",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_invoices_amount_paid",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_invoices_amounts",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_invoices_paid",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_billing_runs_counts",
                table: "billing_runs");

            migrationBuilder.DropCheckConstraint(
                name: "ck_billing_runs_kind",
                table: "billing_runs");

            migrationBuilder.DropColumn(
                name: "gateway_expires_at",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "gateway_qr_string",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "credited_amount",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "failed",
                table: "billing_runs");

            migrationBuilder.AddCheckConstraint(
                name: "ck_invoices_amount_paid",
                table: "invoices",
                sql: "amount_paid <= total");

            migrationBuilder.AddCheckConstraint(
                name: "ck_invoices_amounts",
                table: "invoices",
                sql: "subtotal >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND amount_paid >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_invoices_paid",
                table: "invoices",
                sql: "status <> 'Paid' OR (amount_paid = total AND paid_at IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_billing_runs_counts",
                table: "billing_runs",
                sql: "created >= 0 AND skipped >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_billing_runs_kind",
                table: "billing_runs",
                sql: "kind IN ('Invoices')");
        }
    }
}
