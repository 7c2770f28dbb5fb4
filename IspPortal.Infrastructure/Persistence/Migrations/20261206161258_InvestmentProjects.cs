using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InvestmentProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_amount",
                table: "investments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_closed",
                table: "investments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_current_value",
                table: "investments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_maturity",
                table: "investments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_status",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "category",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "closed_on",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "counterparty",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "current_value",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "expected_return_rate",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "maturity_date",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "investments");

            migrationBuilder.RenameColumn(
                name: "invested_on",
                table: "investments",
                newName: "start_date");

            migrationBuilder.RenameColumn(
                name: "amount",
                table: "investments",
                newName: "planned_amount");

            migrationBuilder.AddColumn<string>(
                name: "code",
                table: "investments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "investments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            // ---- hand SQL (copy on regeneration): rows from the old placeholder shape get a unique code and a status the new check accepts.
            migrationBuilder.Sql("""
                UPDATE investments SET code = 'INV-' || id WHERE code = '';
                UPDATE investments SET status = 'Completed' WHERE status = 'Closed';
                """);
            // ---- end hand SQL

            migrationBuilder.AddColumn<int>(
                name: "investment_id",
                table: "expenses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "investment_id",
                table: "assets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "investment_assets",
                columns: table => new
                {
                    investment_id = table.Column<int>(type: "integer", nullable: false),
                    asset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investment_assets", x => new { x.investment_id, x.asset_id });
                    table.ForeignKey(
                        name: "fk_investment_assets_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_investment_assets_investments_investment_id",
                        column: x => x.investment_id,
                        principalTable: "investments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "investment_locations",
                columns: table => new
                {
                    investment_id = table.Column<int>(type: "integer", nullable: false),
                    location_code_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investment_locations", x => new { x.investment_id, x.location_code_id });
                    table.ForeignKey(
                        name: "fk_investment_locations_investments_investment_id",
                        column: x => x.investment_id,
                        principalTable: "investments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_investment_locations_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "investment_routers",
                columns: table => new
                {
                    investment_id = table.Column<int>(type: "integer", nullable: false),
                    router_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investment_routers", x => new { x.investment_id, x.router_id });
                    table.ForeignKey(
                        name: "fk_investment_routers_investments_investment_id",
                        column: x => x.investment_id,
                        principalTable: "investments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_investment_routers_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_investments_code",
                table: "investments",
                column: "code",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_planned_amount",
                table: "investments",
                sql: "planned_amount >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_status",
                table: "investments",
                sql: "status IN ('Planned', 'Active', 'Completed', 'Cancelled')");

            migrationBuilder.CreateIndex(
                name: "ix_expenses_investment_id",
                table: "expenses",
                column: "investment_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_investment_id",
                table: "assets",
                column: "investment_id");

            migrationBuilder.CreateIndex(
                name: "ix_investment_assets_asset_id",
                table: "investment_assets",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_investment_locations_location_code_id",
                table: "investment_locations",
                column: "location_code_id");

            migrationBuilder.CreateIndex(
                name: "ix_investment_routers_router_id",
                table: "investment_routers",
                column: "router_id");

            migrationBuilder.AddForeignKey(
                name: "fk_assets_investments_investment_id",
                table: "assets",
                column: "investment_id",
                principalTable: "investments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_expenses_investments_investment_id",
                table: "expenses",
                column: "investment_id",
                principalTable: "investments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assets_investments_investment_id",
                table: "assets");

            migrationBuilder.DropForeignKey(
                name: "fk_expenses_investments_investment_id",
                table: "expenses");

            migrationBuilder.DropTable(
                name: "investment_assets");

            migrationBuilder.DropTable(
                name: "investment_locations");

            migrationBuilder.DropTable(
                name: "investment_routers");

            migrationBuilder.DropIndex(
                name: "ux_investments_code",
                table: "investments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_planned_amount",
                table: "investments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_investments_status",
                table: "investments");

            migrationBuilder.DropIndex(
                name: "ix_expenses_investment_id",
                table: "expenses");

            migrationBuilder.DropIndex(
                name: "ix_assets_investment_id",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "code",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "description",
                table: "investments");

            migrationBuilder.DropColumn(
                name: "investment_id",
                table: "expenses");

            migrationBuilder.DropColumn(
                name: "investment_id",
                table: "assets");

            migrationBuilder.RenameColumn(
                name: "start_date",
                table: "investments",
                newName: "invested_on");

            migrationBuilder.RenameColumn(
                name: "planned_amount",
                table: "investments",
                newName: "amount");

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "investments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "investments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "counterparty",
                table: "investments",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "current_value",
                table: "investments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "expected_return_rate",
                table: "investments",
                type: "numeric(7,2)",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "maturity_date",
                table: "investments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notes",
                table: "investments",
                type: "text",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_amount",
                table: "investments",
                sql: "amount > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_closed",
                table: "investments",
                sql: "(status = 'Closed') = (closed_on IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_current_value",
                table: "investments",
                sql: "current_value >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_maturity",
                table: "investments",
                sql: "maturity_date >= invested_on");

            migrationBuilder.AddCheckConstraint(
                name: "ck_investments_status",
                table: "investments",
                sql: "status IN ('Active', 'Closed')");
        }
    }
}
