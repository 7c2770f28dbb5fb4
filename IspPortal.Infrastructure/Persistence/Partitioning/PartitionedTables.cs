using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;

namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <summary>
/// The four big append-only logs, partitioned by month (docs/decisions/0002). EF Core cannot create
/// partitioned tables, so their entities are excluded from migrations and this SQL creates them;
/// a migration calls <see cref="CreateSql"/> and <see cref="CreatePartitionsSql"/> (and
/// <see cref="DropSql"/> on the way down), so a regenerated migration can call them again.
/// </summary>
public static class PartitionedTables
{
    /// <summary>The SQL function that creates monthly partitions; also used by <see cref="PartitionMaintenance"/>.</summary>
    public const string EnsureFunction = "ensure_monthly_partitions";

    public static readonly PartitionedTable AuditLogs = new("audit_logs", "occurred_at");
    public static readonly PartitionedTable RouterLogs = new("router_logs", "occurred_at");
    public static readonly PartitionedTable NotificationLogs = new("notification_logs", "occurred_at");
    public static readonly PartitionedTable CustomerStatusLogs = new("customer_status_logs", "changed_at");

    public static readonly IReadOnlyList<PartitionedTable> All = [AuditLogs, RouterLogs, NotificationLogs, CustomerStatusLogs];

    public static string CreateSql => $"""
        {EnsureFunctionSql}

        CREATE SEQUENCE audit_logs_id_seq AS bigint;
        CREATE TABLE audit_logs (
            id bigint NOT NULL DEFAULT nextval('audit_logs_id_seq'),
            occurred_at timestamp with time zone NOT NULL,
            user_id uuid NULL,
            user_name character varying(256) NULL,
            entity character varying(64) NOT NULL,
            entity_key character varying(100) NOT NULL,
            action character varying(32) NOT NULL,
            changes jsonb NOT NULL,
            CONSTRAINT pk_audit_logs PRIMARY KEY (id, occurred_at),
            CONSTRAINT fk_audit_logs_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
            CONSTRAINT ck_audit_logs_action CHECK (action IN ({Names<AuditAction>()}))
        ) PARTITION BY RANGE (occurred_at);
        ALTER SEQUENCE audit_logs_id_seq OWNED BY audit_logs.id;
        CREATE INDEX ix_audit_logs_occurred_at ON audit_logs (occurred_at);
        CREATE INDEX ix_audit_logs_entity_entity_key ON audit_logs (entity, entity_key, occurred_at);
        CREATE INDEX ix_audit_logs_user_id ON audit_logs (user_id, occurred_at);
        CREATE TABLE audit_logs_default PARTITION OF audit_logs DEFAULT;

        CREATE SEQUENCE router_logs_id_seq AS bigint;
        CREATE TABLE router_logs (
            id bigint NOT NULL DEFAULT nextval('router_logs_id_seq'),
            router_id integer NOT NULL,
            occurred_at timestamp with time zone NOT NULL,
            operation character varying({RouterLog.OperationMaxLength}) NOT NULL,
            outcome character varying(32) NOT NULL,
            duration_ms integer NULL,
            message text NULL,
            details jsonb NULL,
            customer_id integer NULL,
            user_id uuid NULL,
            CONSTRAINT pk_router_logs PRIMARY KEY (id, occurred_at),
            CONSTRAINT fk_router_logs_routers_router_id FOREIGN KEY (router_id) REFERENCES routers (id) ON DELETE CASCADE,
            CONSTRAINT fk_router_logs_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL,
            CONSTRAINT fk_router_logs_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
            CONSTRAINT ck_router_logs_outcome CHECK (outcome IN ({Names<RouterLogOutcome>()})),
            CONSTRAINT ck_router_logs_duration_ms CHECK (duration_ms >= 0)
        ) PARTITION BY RANGE (occurred_at);
        ALTER SEQUENCE router_logs_id_seq OWNED BY router_logs.id;
        CREATE INDEX ix_router_logs_router_id ON router_logs (router_id, occurred_at);
        CREATE INDEX ix_router_logs_customer_id ON router_logs (customer_id, occurred_at) WHERE customer_id IS NOT NULL;
        CREATE INDEX ix_router_logs_user_id ON router_logs (user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX ix_router_logs_occurred_at ON router_logs (occurred_at);
        CREATE TABLE router_logs_default PARTITION OF router_logs DEFAULT;

        CREATE SEQUENCE notification_logs_id_seq AS bigint;
        CREATE TABLE notification_logs (
            id bigint NOT NULL DEFAULT nextval('notification_logs_id_seq'),
            occurred_at timestamp with time zone NOT NULL,
            outbox_message_id bigint NULL,
            customer_id integer NULL,
            channel character varying(32) NOT NULL,
            provider character varying({NotificationLog.ProviderMaxLength}) NULL,
            recipient character varying({OutboxMessage.RecipientMaxLength}) NOT NULL,
            template character varying({OutboxMessage.TemplateMaxLength}) NOT NULL,
            attempt integer NOT NULL,
            status character varying(32) NOT NULL,
            provider_message_id character varying({OutboxMessage.ProviderMessageIdMaxLength}) NULL,
            error_code character varying({NotificationLog.ProviderMaxLength}) NULL,
            error character varying({NotificationLog.ErrorMaxLength}) NULL,
            duration_ms integer NULL,
            CONSTRAINT pk_notification_logs PRIMARY KEY (id, occurred_at),
            CONSTRAINT fk_notification_logs_notification_outbox_outbox_message_id FOREIGN KEY (outbox_message_id) REFERENCES notification_outbox (id) ON DELETE SET NULL,
            CONSTRAINT fk_notification_logs_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL,
            CONSTRAINT ck_notification_logs_channel CHECK (channel IN ({Names<NotificationChannel>()})),
            CONSTRAINT ck_notification_logs_status CHECK (status IN ({Names<NotificationLogStatus>()})),
            CONSTRAINT ck_notification_logs_attempt CHECK (attempt >= 0),
            CONSTRAINT ck_notification_logs_duration_ms CHECK (duration_ms >= 0)
        ) PARTITION BY RANGE (occurred_at);
        ALTER SEQUENCE notification_logs_id_seq OWNED BY notification_logs.id;
        CREATE INDEX ix_notification_logs_outbox_message_id ON notification_logs (outbox_message_id, occurred_at);
        CREATE INDEX ix_notification_logs_customer_id ON notification_logs (customer_id, occurred_at) WHERE customer_id IS NOT NULL;
        CREATE INDEX ix_notification_logs_provider_message_id ON notification_logs (provider_message_id) WHERE provider_message_id IS NOT NULL;
        CREATE INDEX ix_notification_logs_occurred_at ON notification_logs (occurred_at);
        CREATE TABLE notification_logs_default PARTITION OF notification_logs DEFAULT;

        CREATE SEQUENCE customer_status_logs_id_seq AS bigint;
        CREATE TABLE customer_status_logs (
            id bigint NOT NULL DEFAULT nextval('customer_status_logs_id_seq'),
            customer_id integer NOT NULL,
            changed_at timestamp with time zone NOT NULL,
            kind character varying(32) NOT NULL,
            from_value character varying({CustomerStatusLog.ValueMaxLength}) NULL,
            to_value character varying({CustomerStatusLog.ValueMaxLength}) NOT NULL,
            source character varying(32) NOT NULL,
            reason character varying({Customer.ReasonMaxLength}) NULL,
            user_id uuid NULL,
            CONSTRAINT pk_customer_status_logs PRIMARY KEY (id, changed_at),
            CONSTRAINT fk_customer_status_logs_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
            CONSTRAINT fk_customer_status_logs_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
            CONSTRAINT ck_customer_status_logs_kind CHECK (kind IN ({Names<StatusChangeKind>()})),
            CONSTRAINT ck_customer_status_logs_source CHECK (source IN ({Names<StatusChangeSource>()}))
        ) PARTITION BY RANGE (changed_at);
        ALTER SEQUENCE customer_status_logs_id_seq OWNED BY customer_status_logs.id;
        CREATE INDEX ix_customer_status_logs_customer_id ON customer_status_logs (customer_id, changed_at);
        CREATE INDEX ix_customer_status_logs_user_id ON customer_status_logs (user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX ix_customer_status_logs_changed_at ON customer_status_logs (changed_at);
        CREATE TABLE customer_status_logs_default PARTITION OF customer_status_logs DEFAULT;
        """;

    /// <summary>
    /// Partitions for the month the migration runs in and the next <paramref name="monthsAhead"/>
    /// months (computed by the database at apply time, not when the migration was written).
    /// </summary>
    public static string CreatePartitionsSql(int monthsAhead = PartitionMaintenance.DefaultMonthsAhead) =>
        string.Join(Environment.NewLine, All.Select(table =>
            $"SELECT {EnsureFunction}('{table.Table}', '{table.TimeColumn}', date_trunc('month', now() AT TIME ZONE 'UTC')::date, {monthsAhead + 1});"));

    public static string DropSql => string.Join(Environment.NewLine,
        All.Select(table => $"DROP TABLE IF EXISTS {table.Table} CASCADE;")
            .Append($"DROP FUNCTION IF EXISTS {EnsureFunction}(text, text, date, integer);"));

    /// <summary>
    /// Creates the missing monthly partitions <c>{table}_YYYY_MM</c> (UTC months) from
    /// <c>first_month</c> on. Rows that already landed in the DEFAULT partition for such a month are
    /// moved into the new partition, because PostgreSQL refuses a new partition whose range the
    /// default partition already holds rows for. Safe to run concurrently (advisory lock) and again
    /// (existing partitions are skipped). Returns how many partitions it created.
    /// </summary>
    private const string EnsureFunctionSql = $$"""
        CREATE OR REPLACE FUNCTION {{EnsureFunction}}(parent_table text, time_column text, first_month date, month_count integer)
        RETURNS integer
        LANGUAGE plpgsql
        AS $function$
        DECLARE
            month_start date := date_trunc('month', first_month)::date;
            default_partition text := parent_table || '_default';
            partition_name text;
            lower_bound timestamptz;
            upper_bound timestamptz;
            bounds text;
            default_has_rows boolean;
            created integer := 0;
        BEGIN
            PERFORM pg_advisory_xact_lock(hashtext('{{EnsureFunction}}:' || parent_table));
            FOR i IN 1 .. month_count LOOP
                partition_name := parent_table || '_' || to_char(month_start, 'YYYY_MM');
                lower_bound := month_start::timestamp AT TIME ZONE 'UTC';
                upper_bound := (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC';
                -- Written out in ISO form so the bounds do not depend on the session's DateStyle.
                bounds := format('FROM (%L) TO (%L)',
                    to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
                    to_char(month_start + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
                IF to_regclass(quote_ident(partition_name)) IS NULL THEN
                    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= $1 AND %I < $2)',
                        default_partition, time_column, time_column)
                        INTO default_has_rows USING lower_bound, upper_bound;
                    IF default_has_rows THEN
                        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name, parent_table);
                        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
                            default_partition, time_column, time_column, partition_name) USING lower_bound, upper_bound;
                        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES %s', parent_table, partition_name, bounds);
                    ELSE
                        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES %s', partition_name, parent_table, bounds);
                    END IF;
                    created := created + 1;
                END IF;
                month_start := (month_start + interval '1 month')::date;
            END LOOP;
            RETURN created;
        END
        $function$;
        """;

    private static string Names<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(name => $"'{name}'"));
}

/// <param name="Table">The partitioned (parent) table.</param>
/// <param name="TimeColumn">The partition key: a <c>timestamptz</c> column.</param>
public sealed record PartitionedTable(string Table, string TimeColumn)
{
    /// <summary>PostgreSQL 15 has no identity columns on partitioned tables, so ids come from a sequence.</summary>
    public string IdDefault => $"nextval('{Table}_id_seq')";

    public string PartitionName(int year, int month) => $"{Table}_{year:D4}_{month:D2}";

    public string DefaultPartitionName => $"{Table}_default";
}
