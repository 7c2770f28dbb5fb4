using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GatewayPaymentChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_method",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_allocation_quarter_totals_method",
                table: "allocation_quarter_totals");

            migrationBuilder.AddColumn<string>(
                name: "gateway_action_url",
                table: "payments",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gateway_biller_code",
                table: "payments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gateway_channel",
                table: "payments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gateway_va_number",
                table: "payments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // QRIS codes made before there were channels are shown again and reconciled as the qris channel.
            migrationBuilder.Sql("UPDATE payments SET gateway_channel = 'qris' WHERE method = 'Qris' AND gateway IS NOT NULL;");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_gateway_channel",
                table: "payments",
                sql: "gateway_channel IS NULL OR (gateway IS NOT NULL AND gateway_channel IN ('qris', 'va_bca', 'va_bni', 'va_bri', 'va_mandiri', 'va_permata', 'gopay', 'shopeepay'))");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_method",
                table: "payments",
                sql: "method IN ('Cash', 'BankTransfer', 'Qris', 'VirtualAccount', 'EWallet')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_allocation_quarter_totals_method",
                table: "allocation_quarter_totals",
                sql: "method IN ('Cash', 'BankTransfer', 'Qris', 'VirtualAccount', 'EWallet')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_gateway_channel",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payments_method",
                table: "payments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_allocation_quarter_totals_method",
                table: "allocation_quarter_totals");

            migrationBuilder.DropColumn(
                name: "gateway_action_url",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "gateway_biller_code",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "gateway_channel",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "gateway_va_number",
                table: "payments");

            migrationBuilder.AddCheckConstraint(
                name: "ck_payments_method",
                table: "payments",
                sql: "method IN ('Cash', 'BankTransfer', 'Qris')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_allocation_quarter_totals_method",
                table: "allocation_quarter_totals",
                sql: "method IN ('Cash', 'BankTransfer', 'Qris')");
        }
    }
}
