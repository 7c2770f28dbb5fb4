using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerPendingPackage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "pending_package_from",
                table: "customers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pending_service_package_id",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_pending_package_from",
                table: "customers",
                column: "pending_package_from",
                filter: "pending_package_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_pending_service_package_id",
                table: "customers",
                column: "pending_service_package_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customers_pending_package",
                table: "customers",
                sql: "(pending_service_package_id IS NULL) = (pending_package_from IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_customers_pending_package_month",
                table: "customers",
                sql: "extract(day FROM pending_package_from) = 1");

            migrationBuilder.AddForeignKey(
                name: "fk_customers_service_packages_pending_service_package_id",
                table: "customers",
                column: "pending_service_package_id",
                principalTable: "service_packages",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customers_service_packages_pending_service_package_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_pending_package_from",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_pending_service_package_id",
                table: "customers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customers_pending_package",
                table: "customers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_customers_pending_package_month",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "pending_package_from",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "pending_service_package_id",
                table: "customers");
        }
    }
}
