using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payment_allocations_invoice_id",
                table: "payment_allocations");

            migrationBuilder.CreateIndex(
                name: "ix_payment_allocations_allocated_at",
                table: "payment_allocations",
                column: "allocated_at")
                .Annotation("Npgsql:IndexInclude", new[] { "invoice_id", "payment_id", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_allocations_invoice_id_allocated_at",
                table: "payment_allocations",
                columns: new[] { "invoice_id", "allocated_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issue_date",
                table: "invoices",
                column: "issue_date");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_paid_at",
                table: "invoices",
                column: "paid_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payment_allocations_allocated_at",
                table: "payment_allocations");

            migrationBuilder.DropIndex(
                name: "ix_payment_allocations_invoice_id_allocated_at",
                table: "payment_allocations");

            migrationBuilder.DropIndex(
                name: "ix_invoices_issue_date",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "ix_invoices_paid_at",
                table: "invoices");

            migrationBuilder.CreateIndex(
                name: "ix_payment_allocations_invoice_id",
                table: "payment_allocations",
                column: "invoice_id");
        }
    }
}
