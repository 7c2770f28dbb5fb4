using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The schema as the first twelve migrations left it, squashed into one (docs/decisions/0013).
    /// Generated, then kept to their result: columns those migrations added later stand last in
    /// their tables, and billing_runs.failed and invoices.credited_amount keep the defaults that
    /// filled existing rows. Hand-written SQL: Initial.PartitionedLogs.cs, Initial.CustomerSearch.cs.
    /// </summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    permissions = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    failed = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_runs", x => x.id);
                    table.CheckConstraint("ck_billing_runs_counts", "created >= 0 AND skipped >= 0 AND failed >= 0");
                    table.CheckConstraint("ck_billing_runs_kind", "kind IN ('Invoices', 'Reminders', 'OverdueCheck')");
                    table.CheckConstraint("ck_billing_runs_status", "status IN ('Running', 'Completed', 'Failed')");
                    table.CheckConstraint("ck_billing_runs_trigger", "trigger IN ('Schedule', 'Manual', 'Api')");
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_sequences",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_sequences", x => x.scope);
                    table.CheckConstraint("ck_document_sequences_last_value", "last_value >= 0");
                });

            migrationBuilder.CreateTable(
                name: "location_codes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_location_codes", x => x.id);
                    table.CheckConstraint("ck_location_codes_code_format", "code ~ '^[A-Z]{2,5}$'");
                });

            migrationBuilder.CreateTable(
                name: "notification_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    body = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    whats_app_template_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    whats_app_language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_packages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    download_mbps = table.Column<int>(type: "integer", nullable: false),
                    upload_mbps = table.Column<int>(type: "integer", nullable: false),
                    mikrotik_profile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    monthly_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    is_taxable = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_packages", x => x.id);
                    table.CheckConstraint("ck_service_packages_price", "monthly_price >= 0");
                    table.CheckConstraint("ck_service_packages_speed", "download_mbps > 0 AND upload_mbps > 0");
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    culture = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_sign_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "router_pools",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    location_code_id = table.Column<int>(type: "integer", nullable: true),
                    balancing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    replicate_secrets = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_pools", x => x.id);
                    table.CheckConstraint("ck_router_pools_balancing", "balancing IN ('LeastLoaded', 'Weighted')");
                    table.ForeignKey(
                        name: "fk_router_pools_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "routers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location_code_id = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    api_port = table.Column<int>(type: "integer", nullable: false),
                    use_tls = table.Column<bool>(type: "boolean", nullable: false),
                    tls_fingerprint = table.Column<string>(type: "character varying(95)", maxLength: 95, nullable: true),
                    api_user = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    password_encrypted = table.Column<string>(type: "text", nullable: false),
                    isolation_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    isolation_profile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    isolation_address_list = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    health = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_contact_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_duration_ms = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    router_os_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    board_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cpu_load_percent = table.Column<short>(type: "smallint", nullable: true),
                    uptime_seconds = table.Column<long>(type: "bigint", nullable: true),
                    active_sessions = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    uplink_interface = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routers", x => x.id);
                    table.CheckConstraint("ck_routers_api_port", "api_port BETWEEN 1 AND 65535");
                    table.CheckConstraint("ck_routers_code_format", "code ~ '^[A-Z]{2,8}$'");
                    table.CheckConstraint("ck_routers_cpu_load_percent", "cpu_load_percent BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_routers_health", "health IN ('Unknown', 'Up', 'Down')");
                    table.CheckConstraint("ck_routers_isolation_method", "isolation_method IN ('Profile', 'DisableSecret', 'AddressList')");
                    table.CheckConstraint("ck_routers_isolation_profile", "isolation_method <> 'Profile' OR isolation_profile IS NOT NULL");
                    table.CheckConstraint("ck_routers_latitude", "latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_routers_latitude_longitude_together", "(latitude IS NULL) = (longitude IS NULL)");
                    table.CheckConstraint("ck_routers_longitude", "longitude BETWEEN -180 AND 180");
                    table.ForeignKey(
                        name: "fk_routers_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "investments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    counterparty = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    invested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    expected_return_rate = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    current_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    maturity_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investments", x => x.id);
                    table.CheckConstraint("ck_investments_amount", "amount > 0");
                    table.CheckConstraint("ck_investments_closed", "(status = 'Closed') = (closed_on IS NOT NULL)");
                    table.CheckConstraint("ck_investments_current_value", "current_value >= 0");
                    table.CheckConstraint("ck_investments_maturity", "maturity_date >= invested_on");
                    table.CheckConstraint("ck_investments_status", "status IN ('Active', 'Closed')");
                    table.ForeignKey(
                        name: "fk_investments_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    default_priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    first_response_minutes_low = table.Column<int>(type: "integer", nullable: false),
                    first_response_minutes_medium = table.Column<int>(type: "integer", nullable: false),
                    first_response_minutes_high = table.Column<int>(type: "integer", nullable: false),
                    first_response_minutes_urgent = table.Column<int>(type: "integer", nullable: false),
                    resolution_minutes_low = table.Column<int>(type: "integer", nullable: false),
                    resolution_minutes_medium = table.Column<int>(type: "integer", nullable: false),
                    resolution_minutes_high = table.Column<int>(type: "integer", nullable: false),
                    resolution_minutes_urgent = table.Column<int>(type: "integer", nullable: false),
                    escalation_role_level1 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    escalation_role_level2 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    escalation_role_level3 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    escalation_user_id_level1 = table.Column<Guid>(type: "uuid", nullable: true),
                    escalation_user_id_level2 = table.Column<Guid>(type: "uuid", nullable: true),
                    escalation_user_id_level3 = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_categories", x => x.id);
                    table.CheckConstraint("ck_ticket_categories_code_format", "code ~ '^[A-Z0-9][A-Z0-9-]*$'");
                    table.CheckConstraint("ck_ticket_categories_default_priority", "default_priority IN ('Low', 'Medium', 'High', 'Urgent')");
                    table.CheckConstraint("ck_ticket_categories_sla_order", "first_response_minutes_low <= resolution_minutes_low AND first_response_minutes_medium <= resolution_minutes_medium AND first_response_minutes_high <= resolution_minutes_high AND first_response_minutes_urgent <= resolution_minutes_urgent");
                    table.CheckConstraint("ck_ticket_categories_sla_positive", "first_response_minutes_low > 0 AND first_response_minutes_medium > 0 AND first_response_minutes_high > 0 AND first_response_minutes_urgent > 0 AND resolution_minutes_low > 0 AND resolution_minutes_medium > 0 AND resolution_minutes_high > 0 AND resolution_minutes_urgent > 0");
                    table.ForeignKey(
                        name: "fk_ticket_categories_users_escalation_user_id_level1",
                        column: x => x.escalation_user_id_level1,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_categories_users_escalation_user_id_level2",
                        column: x => x.escalation_user_id_level2,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_categories_users_escalation_user_id_level3",
                        column: x => x.escalation_user_id_level3,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    serial_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    location_code_id = table.Column<int>(type: "integer", nullable: true),
                    router_id = table.Column<int>(type: "integer", nullable: true),
                    purchase_date = table.Column<DateOnly>(type: "date", nullable: false),
                    purchase_cost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    salvage_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    useful_life_months = table.Column<int>(type: "integer", nullable: false),
                    depreciation_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    declining_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    accumulated_depreciation = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    depreciated_through = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    disposed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disposal_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    disposal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => x.id);
                    table.CheckConstraint("ck_assets_accumulated_depreciation", "accumulated_depreciation >= 0 AND accumulated_depreciation <= purchase_cost - salvage_value");
                    table.CheckConstraint("ck_assets_declining_rate", "depreciation_method <> 'DecliningBalance' OR declining_rate > 0 AND declining_rate <= 100");
                    table.CheckConstraint("ck_assets_depreciation_method", "depreciation_method IN ('StraightLine', 'DecliningBalance')");
                    table.CheckConstraint("ck_assets_disposal", "(status = 'Disposed') = (disposed_on IS NOT NULL)");
                    table.CheckConstraint("ck_assets_disposal_amount", "disposal_amount >= 0");
                    table.CheckConstraint("ck_assets_purchase_cost", "purchase_cost >= 0");
                    table.CheckConstraint("ck_assets_salvage_value", "salvage_value >= 0 AND salvage_value <= purchase_cost");
                    table.CheckConstraint("ck_assets_status", "status IN ('InUse', 'InStorage', 'UnderRepair', 'Disposed')");
                    table.CheckConstraint("ck_assets_useful_life", "useful_life_months > 0");
                    table.ForeignKey(
                        name: "fk_assets_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assets_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    nik_encrypted = table.Column<string>(type: "text", nullable: true),
                    nik_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    village = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    postal_code = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    connection_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    connection_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    current_ip = table.Column<IPAddress>(type: "inet", nullable: true),
                    session_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    service_package_id = table.Column<int>(type: "integer", nullable: false),
                    location_code_id = table.Column<int>(type: "integer", nullable: false),
                    router_id = table.Column<int>(type: "integer", nullable: true),
                    router_pool_id = table.Column<int>(type: "integer", nullable: true),
                    installation_date = table.Column<DateOnly>(type: "date", nullable: true),
                    technician_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ktp_photo_path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    house_photo_path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    notifications_opt_out = table.Column<bool>(type: "boolean", nullable: false),
                    isolation_exempt = table.Column<bool>(type: "boolean", nullable: false),
                    isolation_exempt_until = table.Column<DateOnly>(type: "date", nullable: true),
                    isolation_exempt_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    credit_balance = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    last_inbound_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    terminated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.CheckConstraint("ck_customers_connection_state", "connection_state IN ('Unknown', 'Online', 'Offline', 'Disabled')");
                    table.CheckConstraint("ck_customers_credit_balance", "credit_balance >= 0");
                    table.CheckConstraint("ck_customers_exempt_until", "isolation_exempt OR isolation_exempt_until IS NULL");
                    table.CheckConstraint("ck_customers_latitude", "latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_customers_latitude_longitude_together", "(latitude IS NULL) = (longitude IS NULL)");
                    table.CheckConstraint("ck_customers_longitude", "longitude BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_customers_nik_hash", "nik_hash ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_customers_nik_together", "(nik_encrypted IS NULL) = (nik_hash IS NULL)");
                    table.CheckConstraint("ck_customers_phone_e164", "phone ~ '^\\+[1-9][0-9]{6,14}$'");
                    table.CheckConstraint("ck_customers_postal_code", "postal_code ~ '^[0-9]{5}$'");
                    table.CheckConstraint("ck_customers_status", "status IN ('PendingProvisioning', 'Active', 'Isolated', 'Suspended', 'Terminated')");
                    table.CheckConstraint("ck_customers_terminated_at", "(status = 'Terminated') = (terminated_at IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_customers_location_codes_location_code_id",
                        column: x => x.location_code_id,
                        principalTable: "location_codes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_router_pools_router_pool_id",
                        column: x => x.router_pool_id,
                        principalTable: "router_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_service_packages_service_package_id",
                        column: x => x.service_package_id,
                        principalTable: "service_packages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_users_technician_id",
                        column: x => x.technician_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurrences = table.Column<int>(type: "integer", nullable: false),
                    baseline_sessions = table.Column<int>(type: "integer", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_alerts", x => x.id);
                    table.CheckConstraint("ck_network_alerts_occurrences", "occurrences >= 1");
                    table.CheckConstraint("ck_network_alerts_resolved_after_opened", "resolved_at IS NULL OR resolved_at >= opened_at");
                    table.ForeignKey(
                        name: "fk_network_alerts_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_network_alerts_users_acknowledged_by_id",
                        column: x => x.acknowledged_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "router_health_samples",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    sampled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cpu_load_percent = table.Column<short>(type: "smallint", nullable: false),
                    uptime_seconds = table.Column<long>(type: "bigint", nullable: false),
                    active_sessions = table.Column<int>(type: "integer", nullable: false),
                    rx_bytes = table.Column<long>(type: "bigint", nullable: false),
                    tx_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_health_samples", x => x.id);
                    table.CheckConstraint("ck_router_health_samples_counters", "rx_bytes >= 0 AND tx_bytes >= 0 AND uptime_seconds >= 0 AND active_sessions >= 0");
                    table.CheckConstraint("ck_router_health_samples_cpu", "cpu_load_percent BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_router_health_samples_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "router_pool_members",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    router_pool_id = table.Column<int>(type: "integer", nullable: false),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_router_pool_members", x => x.id);
                    table.CheckConstraint("ck_router_pool_members_capacity", "capacity > 0");
                    table.CheckConstraint("ck_router_pool_members_role", "role IN ('Primary', 'Backup')");
                    table.CheckConstraint("ck_router_pool_members_weight", "weight > 0");
                    table.ForeignKey(
                        name: "fk_router_pool_members_router_pools_router_pool_id",
                        column: x => x.router_pool_id,
                        principalTable: "router_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_router_pool_members_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "income",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    income_date = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    investment_id = table.Column<int>(type: "integer", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_income", x => x.id);
                    table.CheckConstraint("ck_income_amount", "amount > 0");
                    table.CheckConstraint("ck_income_method", "method IN ('Cash', 'BankTransfer', 'Qris', 'Card', 'Other')");
                    table.ForeignKey(
                        name: "fk_income_investments_investment_id",
                        column: x => x.investment_id,
                        principalTable: "investments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_income_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expenses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    expense_date = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    vendor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    receipt_path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    asset_id = table.Column<int>(type: "integer", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    approved_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expenses", x => x.id);
                    table.CheckConstraint("ck_expenses_amount", "amount > 0");
                    table.CheckConstraint("ck_expenses_approval", "(approved_by_id IS NULL) = (approved_at IS NULL)");
                    table.CheckConstraint("ck_expenses_method", "method IN ('Cash', 'BankTransfer', 'Qris', 'Card', 'Other')");
                    table.ForeignKey(
                        name: "fk_expenses_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_expenses_users_approved_by_id",
                        column: x => x.approved_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_expenses_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_location_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    from_latitude = table.Column<double>(type: "double precision", nullable: true),
                    from_longitude = table.Column<double>(type: "double precision", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_location_history", x => x.id);
                    table.CheckConstraint("ck_customer_location_history_from_latitude", "from_latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_customer_location_history_from_latitude_from_longitude_toge~", "(from_latitude IS NULL) = (from_longitude IS NULL)");
                    table.CheckConstraint("ck_customer_location_history_from_longitude", "from_longitude BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_customer_location_history_latitude", "latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_customer_location_history_latitude_longitude_together", "(latitude IS NULL) = (longitude IS NULL)");
                    table.CheckConstraint("ck_customer_location_history_longitude", "longitude BETWEEN -180 AND 180");
                    table.ForeignKey(
                        name: "fk_customer_location_history_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_customer_location_history_users_changed_by_id",
                        column: x => x.changed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "customer_registrations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    service_package_id = table.Column<int>(type: "integer", nullable: false),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    router_pool_id = table.Column<int>(type: "integer", nullable: true),
                    registered_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    provisioning_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_provisioning_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_provisioning_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    provisioned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    installation_scheduled_for = table.Column<DateOnly>(type: "date", nullable: true),
                    technician_id = table.Column<Guid>(type: "uuid", nullable: true),
                    installed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_registrations", x => x.id);
                    table.CheckConstraint("ck_customer_registrations_attempts", "provisioning_attempts >= 0");
                    table.CheckConstraint("ck_customer_registrations_cancellation", "(status = 'Cancelled') = (cancelled_at IS NOT NULL)");
                    table.CheckConstraint("ck_customer_registrations_channel", "channel IN ('Office', 'Field', 'Api', 'CustomerPortal')");
                    table.CheckConstraint("ck_customer_registrations_status", "status IN ('PendingProvisioning', 'AwaitingInstallation', 'Completed', 'Cancelled')");
                    table.ForeignKey(
                        name: "fk_customer_registrations_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_registrations_router_pools_router_pool_id",
                        column: x => x.router_pool_id,
                        principalTable: "router_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_registrations_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_registrations_service_packages_service_package_id",
                        column: x => x.service_package_id,
                        principalTable: "service_packages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_registrations_users_registered_by_id",
                        column: x => x.registered_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_registrations_users_technician_id",
                        column: x => x.technician_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    subtotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    discount_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    tax_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    amount_paid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    void_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    voided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    credited_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false, defaultValue: 0m)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.CheckConstraint("ck_invoices_amount_paid", "amount_paid + credited_amount <= total");
                    table.CheckConstraint("ck_invoices_amounts", "subtotal >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND amount_paid >= 0 AND credited_amount >= 0");
                    table.CheckConstraint("ck_invoices_discount", "discount_amount <= subtotal");
                    table.CheckConstraint("ck_invoices_due_date", "due_date >= issue_date");
                    table.CheckConstraint("ck_invoices_paid", "status <> 'Paid' OR (amount_paid + credited_amount = total AND paid_at IS NOT NULL)");
                    table.CheckConstraint("ck_invoices_period_first_day", "extract(day from period) = 1");
                    table.CheckConstraint("ck_invoices_status", "status IN ('Unpaid', 'PartiallyPaid', 'Paid', 'Overdue', 'Void')");
                    table.CheckConstraint("ck_invoices_tax_rate", "tax_rate BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_invoices_total", "total = subtotal - discount_amount + tax_amount");
                    table.CheckConstraint("ck_invoices_void_reason", "(status = 'Void') = (void_reason IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_invoices_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_users_voided_by_id",
                        column: x => x.voided_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    template = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    parameters = table.Column<string>(type: "jsonb", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempt_count = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_outbox", x => x.id);
                    table.CheckConstraint("ck_notification_outbox_attempt_count", "attempt_count >= 0");
                    table.CheckConstraint("ck_notification_outbox_channel", "channel IN ('WhatsApp', 'Email')");
                    table.CheckConstraint("ck_notification_outbox_status", "status IN ('Pending', 'Sending', 'Sent', 'Delivered', 'Read', 'Failed', 'Cancelled')");
                    table.ForeignKey(
                        name: "fk_notification_outbox_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pppoe_secrets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    router_id = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    password_encrypted = table.Column<string>(type: "text", nullable: false),
                    profile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    remote_address = table.Column<IPAddress>(type: "inet", nullable: true),
                    comment = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_replica = table.Column<bool>(type: "boolean", nullable: false),
                    router_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    provisioning_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    provisioned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pppoe_secrets", x => x.id);
                    table.CheckConstraint("ck_pppoe_secrets_attempts", "provisioning_attempts >= 0");
                    table.CheckConstraint("ck_pppoe_secrets_status", "status IN ('Pending', 'Provisioned', 'Disabled', 'Failed', 'Removed')");
                    table.CheckConstraint("ck_pppoe_secrets_username", "length(username) > 0 AND username !~ '\\s'");
                    table.ForeignKey(
                        name: "fk_pppoe_secrets_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pppoe_secrets_routers_router_id",
                        column: x => x.router_id,
                        principalTable: "routers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    category_id = table.Column<int>(type: "integer", nullable: true),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    first_response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    rating_comment = table.Column<string>(type: "text", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_customer_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                    table.CheckConstraint("ck_tickets_channel", "channel IN ('Web', 'WhatsApp', 'Phone', 'Email', 'CustomerPortal')");
                    table.CheckConstraint("ck_tickets_closed_at", "status NOT IN ('Closed', 'Cancelled') OR closed_at IS NOT NULL");
                    table.CheckConstraint("ck_tickets_escalation_level", "escalation_level BETWEEN 0 AND 3");
                    table.CheckConstraint("ck_tickets_priority", "priority IN ('Low', 'Medium', 'High', 'Urgent')");
                    table.CheckConstraint("ck_tickets_rating", "rating BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_tickets_status", "status IN ('Open', 'Triaged', 'Assigned', 'InProgress', 'WaitingForCustomer', 'Resolved', 'Verified', 'Closed', 'Cancelled')");
                    table.ForeignKey(
                        name: "fk_tickets_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_ticket_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "ticket_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    invoice_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    service_package_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_lines", x => x.id);
                    table.CheckConstraint("ck_invoice_lines_amounts", "unit_price >= 0 AND amount >= 0");
                    table.CheckConstraint("ck_invoice_lines_kind", "kind IN ('Subscription', 'Proration', 'Installation', 'Equipment', 'OneOff', 'Discount')");
                    table.CheckConstraint("ck_invoice_lines_position", "position > 0");
                    table.CheckConstraint("ck_invoice_lines_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_invoice_lines_service_packages_service_package_id",
                        column: x => x.service_package_id,
                        principalTable: "service_packages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<int>(type: "integer", nullable: false),
                    invoice_id = table.Column<int>(type: "integer", nullable: true),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gateway = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    gateway_transaction_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    gateway_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    gateway_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    proof_path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    confirmed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gateway_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gateway_qr_string = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.CheckConstraint("ck_payments_amount", "amount > 0");
                    table.CheckConstraint("ck_payments_confirmed", "status <> 'Confirmed' OR confirmed_at IS NOT NULL");
                    table.CheckConstraint("ck_payments_gateway", "gateway IS NOT NULL OR (gateway_transaction_id IS NULL AND gateway_order_id IS NULL)");
                    table.CheckConstraint("ck_payments_method", "method IN ('Cash', 'BankTransfer', 'Qris')");
                    table.CheckConstraint("ck_payments_status", "status IN ('Pending', 'Confirmed', 'Rejected', 'Failed', 'Expired', 'Refunded')");
                    table.ForeignKey(
                        name: "fk_payments_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_users_confirmed_by_id",
                        column: x => x.confirmed_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_users_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    outbox_message_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_attachments", x => x.id);
                    table.CheckConstraint("ck_notification_attachments_size", "octet_length(content) BETWEEN 1 AND 10485760");
                    table.ForeignKey(
                        name: "fk_notification_attachments_outbox_messages_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "notification_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    to_value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_activities", x => x.id);
                    table.CheckConstraint("ck_ticket_activities_kind", "kind IN ('Created', 'Categorised', 'StatusChanged', 'Assigned', 'PriorityChanged', 'Commented', 'Escalated', 'Rated')");
                    table.ForeignKey(
                        name: "fk_ticket_activities_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_activities_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_escalations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    escalated_to_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    escalated_to_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_escalations", x => x.id);
                    table.CheckConstraint("ck_ticket_escalations_level", "level BETWEEN 1 AND 3");
                    table.CheckConstraint("ck_ticket_escalations_reason", "reason IN ('FirstResponseDue', 'FirstResponseOverdue', 'ResolutionDue', 'ResolutionOverdue', 'Manual')");
                    table.ForeignKey(
                        name: "fk_ticket_escalations_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_escalations_users_acknowledged_by_id",
                        column: x => x.acknowledged_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_escalations_users_escalated_to_user_id",
                        column: x => x.escalated_to_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_reads",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    last_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_reads", x => new { x.user_id, x.ticket_id });
                    table.ForeignKey(
                        name: "fk_ticket_reads_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_reads_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    customer_id = table.Column<int>(type: "integer", nullable: true),
                    ticket_id = table.Column<int>(type: "integer", nullable: true),
                    outbox_message_id = table.Column<long>(type: "bigint", nullable: true),
                    sent_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    body = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    media_path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_messages", x => x.id);
                    table.CheckConstraint("ck_whatsapp_messages_direction", "direction IN ('Inbound', 'Outbound')");
                    table.CheckConstraint("ck_whatsapp_messages_inbound_id", "direction <> 'Inbound' OR provider_message_id IS NOT NULL");
                    table.CheckConstraint("ck_whatsapp_messages_phone_e164", "phone ~ '^\\+[1-9][0-9]{6,14}$'");
                    table.CheckConstraint("ck_whatsapp_messages_status", "status IN ('Received', 'Queued', 'Sent', 'Delivered', 'Read', 'Failed')");
                    table.CheckConstraint("ck_whatsapp_messages_type", "type IN ('Text', 'Template', 'Image', 'Document', 'Audio', 'Video', 'Location', 'Other')");
                    table.ForeignKey(
                        name: "fk_whatsapp_messages_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_whatsapp_messages_notification_outbox_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "notification_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_whatsapp_messages_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_whatsapp_messages_users_sent_by_id",
                        column: x => x.sent_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_allocations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    payment_id = table.Column<long>(type: "bigint", nullable: false),
                    invoice_id = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    allocated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_allocations", x => x.id);
                    table.CheckConstraint("ck_payment_allocations_amount", "amount > 0");
                    table.ForeignKey(
                        name: "fk_payment_allocations_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_allocations_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<int>(type: "integer", nullable: false),
                    author_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    is_internal = table.Column<bool>(type: "boolean", nullable: false),
                    whatsapp_message_id = table.Column<long>(type: "bigint", nullable: true),
                    attachment_path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    attachment_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    attachment_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attachment_size = table.Column<long>(type: "bigint", nullable: true),
                    email_message_id = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    outbox_message_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_comments", x => x.id);
                    table.CheckConstraint("ck_ticket_comments_attachment_size", "attachment_size IS NULL OR attachment_size >= 0");
                    table.CheckConstraint("ck_ticket_comments_author_kind", "author_kind IN ('Agent', 'Customer', 'System')");
                    table.CheckConstraint("ck_ticket_comments_internal_by_agent", "NOT is_internal OR author_kind = 'Agent'");
                    table.ForeignKey(
                        name: "fk_ticket_comments_notification_outbox_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "notification_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_comments_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_comments_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_comments_whatsapp_messages_whatsapp_message_id",
                        column: x => x.whatsapp_message_id,
                        principalTable: "whatsapp_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                table: "api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assets_location_code_id",
                table: "assets",
                column: "location_code_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_router_id",
                table: "assets",
                column: "router_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_status",
                table: "assets",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_assets_code",
                table: "assets",
                column: "code",
                unique: true);

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
                name: "ix_billing_runs_kind_started_at",
                table: "billing_runs",
                columns: new[] { "kind", "started_at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_customer_location_history_changed_by_id",
                table: "customer_location_history",
                column: "changed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_location_history_customer_id_changed_at",
                table: "customer_location_history",
                columns: new[] { "customer_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_registrations_registered_by_id",
                table: "customer_registrations",
                column: "registered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_registrations_router_id",
                table: "customer_registrations",
                column: "router_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_registrations_router_pool_id",
                table: "customer_registrations",
                column: "router_pool_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_registrations_service_package_id",
                table: "customer_registrations",
                column: "service_package_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_registrations_status",
                table: "customer_registrations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_customer_registrations_technician_id_installation_scheduled",
                table: "customer_registrations",
                columns: new[] { "technician_id", "installation_scheduled_for" });

            migrationBuilder.CreateIndex(
                name: "ux_customer_registrations_customer_id",
                table: "customer_registrations",
                column: "customer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_full_name",
                table: "customers",
                column: "full_name");

            migrationBuilder.CreateIndex(
                name: "ix_customers_location_code_id",
                table: "customers",
                column: "location_code_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_nik_hash",
                table: "customers",
                column: "nik_hash");

            migrationBuilder.CreateIndex(
                name: "ix_customers_phone",
                table: "customers",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_customers_router_id_connection_state",
                table: "customers",
                columns: new[] { "router_id", "connection_state" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_router_pool_id",
                table: "customers",
                column: "router_pool_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_service_package_id",
                table: "customers",
                column: "service_package_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_status",
                table: "customers",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_customers_technician_id",
                table: "customers",
                column: "technician_id");

            migrationBuilder.CreateIndex(
                name: "ux_customers_code",
                table: "customers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_expenses_approved_by_id",
                table: "expenses",
                column: "approved_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_expenses_asset_id",
                table: "expenses",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_expenses_expense_date_category",
                table: "expenses",
                columns: new[] { "expense_date", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_expenses_recorded_by_id",
                table: "expenses",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_expenses_number",
                table: "expenses",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_income_income_date_category",
                table: "income",
                columns: new[] { "income_date", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_income_investment_id",
                table: "income",
                column: "investment_id");

            migrationBuilder.CreateIndex(
                name: "ix_income_recorded_by_id",
                table: "income",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_income_number",
                table: "income",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_investments_recorded_by_id",
                table: "investments",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_investments_status",
                table: "investments",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_invoice_lines_service_package_id",
                table: "invoice_lines",
                column: "service_package_id");

            migrationBuilder.CreateIndex(
                name: "ux_invoice_lines_invoice_position",
                table: "invoice_lines",
                columns: new[] { "invoice_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_period",
                table: "invoices",
                column: "period");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_status_due_date",
                table: "invoices",
                columns: new[] { "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_voided_by_id",
                table: "invoices",
                column: "voided_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_invoices_customer_period",
                table: "invoices",
                columns: new[] { "customer_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_invoices_number",
                table: "invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_location_codes_code",
                table: "location_codes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_network_alerts_acknowledged_by_id",
                table: "network_alerts",
                column: "acknowledged_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_network_alerts_opened_at",
                table: "network_alerts",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "ux_network_alerts_open_router_kind",
                table: "network_alerts",
                columns: new[] { "router_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notification_attachments_outbox_message_id",
                table: "notification_attachments",
                column: "outbox_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_customer_id_created_at",
                table: "notification_outbox",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_due",
                table: "notification_outbox",
                column: "next_attempt_at",
                filter: "status IN ('Pending', 'Sending')");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_provider_message_id",
                table: "notification_outbox",
                column: "provider_message_id",
                filter: "provider_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_notification_outbox_idempotency_key",
                table: "notification_outbox",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_notification_templates_event_channel",
                table: "notification_templates",
                columns: new[] { "event_key", "channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_allocations_invoice_id",
                table: "payment_allocations",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ux_payment_allocations_payment_invoice",
                table: "payment_allocations",
                columns: new[] { "payment_id", "invoice_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_confirmed_by_id",
                table: "payments",
                column: "confirmed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_customer_id_received_at",
                table: "payments",
                columns: new[] { "customer_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_invoice_id",
                table: "payments",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_recorded_by_id",
                table: "payments",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_status",
                table: "payments",
                column: "status",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ux_payments_gateway_order",
                table: "payments",
                columns: new[] { "gateway", "gateway_order_id" },
                unique: true,
                filter: "gateway_order_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_payments_gateway_transaction",
                table: "payments",
                columns: new[] { "gateway", "gateway_transaction_id" },
                unique: true,
                filter: "gateway_transaction_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_payments_idempotency_key",
                table: "payments",
                column: "idempotency_key",
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_payments_number",
                table: "payments",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pppoe_secrets_status",
                table: "pppoe_secrets",
                column: "status",
                filter: "status IN ('Pending', 'Failed')");

            migrationBuilder.CreateIndex(
                name: "ix_pppoe_secrets_username",
                table: "pppoe_secrets",
                column: "username");

            migrationBuilder.CreateIndex(
                name: "ux_pppoe_secrets_customer_router",
                table: "pppoe_secrets",
                columns: new[] { "customer_id", "router_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_pppoe_secrets_router_username",
                table: "pppoe_secrets",
                columns: new[] { "router_id", "username" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_router_health_samples_router_id_sampled_at",
                table: "router_health_samples",
                columns: new[] { "router_id", "sampled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_router_pool_members_router_id",
                table: "router_pool_members",
                column: "router_id");

            migrationBuilder.CreateIndex(
                name: "ux_router_pool_members_pool_router",
                table: "router_pool_members",
                columns: new[] { "router_pool_id", "router_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_router_pools_location_code_id",
                table: "router_pools",
                column: "location_code_id");

            migrationBuilder.CreateIndex(
                name: "ux_router_pools_name",
                table: "router_pools",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_routers_location_code_id",
                table: "routers",
                column: "location_code_id");

            migrationBuilder.CreateIndex(
                name: "ux_routers_code",
                table: "routers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_packages_code",
                table: "service_packages",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_activities_actor_id",
                table: "ticket_activities",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_activities_ticket_id_occurred_at",
                table: "ticket_activities",
                columns: new[] { "ticket_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_categories_escalation_user_id_level1",
                table: "ticket_categories",
                column: "escalation_user_id_level1");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_categories_escalation_user_id_level2",
                table: "ticket_categories",
                column: "escalation_user_id_level2");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_categories_escalation_user_id_level3",
                table: "ticket_categories",
                column: "escalation_user_id_level3");

            migrationBuilder.CreateIndex(
                name: "ux_ticket_categories_code",
                table: "ticket_categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_ticket_categories_name",
                table: "ticket_categories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_comments_author_id",
                table: "ticket_comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_comments_ticket_id_created_at",
                table: "ticket_comments",
                columns: new[] { "ticket_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_ticket_comments_email_message_id",
                table: "ticket_comments",
                column: "email_message_id",
                unique: true,
                filter: "email_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_ticket_comments_outbox_message_id",
                table: "ticket_comments",
                column: "outbox_message_id",
                unique: true,
                filter: "outbox_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_ticket_comments_whatsapp_message_id",
                table: "ticket_comments",
                column: "whatsapp_message_id",
                unique: true,
                filter: "whatsapp_message_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_escalations_acknowledged_by_id",
                table: "ticket_escalations",
                column: "acknowledged_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_escalations_escalated_to_user_id",
                table: "ticket_escalations",
                column: "escalated_to_user_id");

            migrationBuilder.CreateIndex(
                name: "ux_ticket_escalations_ticket_level",
                table: "ticket_escalations",
                columns: new[] { "ticket_id", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_reads_ticket_id",
                table: "ticket_reads",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assignee_id_status",
                table: "tickets",
                columns: new[] { "assignee_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_category_id",
                table: "tickets",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_by_id",
                table: "tickets",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_customer_id_created_at",
                table: "tickets",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_open_resolution_due_at",
                table: "tickets",
                column: "resolution_due_at",
                filter: "status NOT IN ('Resolved', 'Verified', 'Closed', 'Cancelled')");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_status_priority",
                table: "tickets",
                columns: new[] { "status", "priority" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_unread",
                table: "tickets",
                columns: new[] { "assignee_id", "last_customer_message_at" },
                filter: "last_customer_message_at IS NOT NULL AND status NOT IN ('Verified', 'Closed', 'Cancelled')");

            migrationBuilder.CreateIndex(
                name: "ux_tickets_number",
                table: "tickets",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_messages_customer_id_occurred_at",
                table: "whatsapp_messages",
                columns: new[] { "customer_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_messages_outbox_message_id",
                table: "whatsapp_messages",
                column: "outbox_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_messages_phone_occurred_at",
                table: "whatsapp_messages",
                columns: new[] { "phone", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_messages_sent_by_id",
                table: "whatsapp_messages",
                column: "sent_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_messages_ticket_id_occurred_at",
                table: "whatsapp_messages",
                columns: new[] { "ticket_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ux_whatsapp_messages_provider_message_id",
                table: "whatsapp_messages",
                column: "provider_message_id",
                unique: true,
                filter: "provider_message_id IS NOT NULL");

            // Partitioned log tables: EF cannot create them (their entities are excluded from migrations).
            migrationBuilder.Sql(PartitionedLogsSql);

            // Customer search matches anywhere in name, code and phone; EF cannot model expression indexes.
            migrationBuilder.Sql(CustomerSearchIndexesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropCustomerSearchIndexesSql);

            migrationBuilder.Sql(DropPartitionedLogsSql);

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "billing_charges");

            migrationBuilder.DropTable(
                name: "billing_runs");

            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropTable(
                name: "customer_location_history");

            migrationBuilder.DropTable(
                name: "customer_registrations");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "document_sequences");

            migrationBuilder.DropTable(
                name: "expenses");

            migrationBuilder.DropTable(
                name: "income");

            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "network_alerts");

            migrationBuilder.DropTable(
                name: "notification_attachments");

            migrationBuilder.DropTable(
                name: "notification_templates");

            migrationBuilder.DropTable(
                name: "payment_allocations");

            migrationBuilder.DropTable(
                name: "pppoe_secrets");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "router_health_samples");

            migrationBuilder.DropTable(
                name: "router_pool_members");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "ticket_activities");

            migrationBuilder.DropTable(
                name: "ticket_comments");

            migrationBuilder.DropTable(
                name: "ticket_escalations");

            migrationBuilder.DropTable(
                name: "ticket_reads");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "assets");

            migrationBuilder.DropTable(
                name: "investments");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "whatsapp_messages");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "notification_outbox");

            migrationBuilder.DropTable(
                name: "tickets");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "ticket_categories");

            migrationBuilder.DropTable(
                name: "router_pools");

            migrationBuilder.DropTable(
                name: "routers");

            migrationBuilder.DropTable(
                name: "service_packages");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "location_codes");
        }
    }
}
