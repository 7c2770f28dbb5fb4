using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FixedAssets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_disposal",
                table: "assets");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assets_purchase_cost",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "category",
                table: "assets");

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

            migrationBuilder.DropTable(
                name: "asset_categories");

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
