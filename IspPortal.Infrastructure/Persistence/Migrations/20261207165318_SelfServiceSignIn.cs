using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SelfServiceSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "self_service_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_service_activities", x => x.id);
                    table.CheckConstraint("ck_self_service_activities_action", "action IN ('CodeRequested', 'SignedIn', 'SignedOut', 'SignedOutEverywhere', 'PaymentStarted', 'TicketOpened', 'TicketMessage', 'TicketConfirmed', 'TicketRated', 'PhoneChanged', 'EmailChanged', 'PreferencesChanged', 'PackageChangeRequested', 'PortalLinkSent')");
                    table.ForeignKey(
                        name: "fk_self_service_activities_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "self_service_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    login = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_service_attempts", x => x.id);
                    table.CheckConstraint("ck_self_service_attempts_kind", "kind IN ('CodeRequested', 'WrongCode')");
                });

            migrationBuilder.CreateTable(
                name: "self_service_codes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    login = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code_encrypted = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    wrong_tries = table.Column<int>(type: "integer", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_service_codes", x => x.id);
                    table.CheckConstraint("ck_self_service_codes_purpose", "purpose IN ('SignIn', 'NewPhone')");
                    table.CheckConstraint("ck_self_service_codes_wrong_tries", "wrong_tries BETWEEN 0 AND 5");
                    table.ForeignKey(
                        name: "fk_self_service_codes_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "self_service_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    remembered = table.Column<bool>(type: "boolean", nullable: false),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    device = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_service_sessions", x => x.id);
                    table.CheckConstraint("ck_self_service_sessions_channel", "channel IN ('Web', 'Api')");
                    table.ForeignKey(
                        name: "fk_self_service_sessions_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_self_service_activities_customer_id_at",
                table: "self_service_activities",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_self_service_attempts_address_at",
                table: "self_service_attempts",
                columns: new[] { "address", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_self_service_attempts_at",
                table: "self_service_attempts",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_self_service_attempts_login_at",
                table: "self_service_attempts",
                columns: new[] { "login", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_self_service_codes_customer_id",
                table: "self_service_codes",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_service_codes_expires_at",
                table: "self_service_codes",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_self_service_codes_login_id",
                table: "self_service_codes",
                columns: new[] { "login", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_self_service_codes_phone_created_at",
                table: "self_service_codes",
                columns: new[] { "phone", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_self_service_sessions_customer_id",
                table: "self_service_sessions",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_service_sessions_token_hash",
                table: "self_service_sessions",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "self_service_activities");

            migrationBuilder.DropTable(
                name: "self_service_attempts");

            migrationBuilder.DropTable(
                name: "self_service_codes");

            migrationBuilder.DropTable(
                name: "self_service_sessions");
        }
    }
}
