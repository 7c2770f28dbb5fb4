using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PsbFirstInvoiceAndWorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "installation_fee",
                table: "service_packages",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

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

            migrationBuilder.AddCheckConstraint(
                name: "ck_service_packages_installation_fee",
                table: "service_packages",
                sql: "installation_fee IS NULL OR installation_fee >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customer_registrations_assignment_version",
                table: "customer_registrations",
                sql: "assignment_version >= 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_service_packages_installation_fee",
                table: "service_packages");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customer_registrations_assignment_version",
                table: "customer_registrations");

            migrationBuilder.DropColumn(
                name: "installation_fee",
                table: "service_packages");

            migrationBuilder.DropColumn(
                name: "billing_starts_on",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "assignment_version",
                table: "customer_registrations");
        }
    }
}
