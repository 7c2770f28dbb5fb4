namespace IspPortal.Infrastructure.Persistence.Migrations
{
    // The partitioned log tables of the Initial migration, frozen as SQL (docs/decisions/0002). EF
    // cannot create partitioned tables, and a migration must not change when today's code changes:
    // later changes to these tables go in migrations of their own. When the first twelve migrations
    // were squashed into this one (docs/decisions/0013), the notification_logs status check took in
    // 'SkippedDisabled', which a later migration had added.
    public partial class Initial
    {
        private const string PartitionedLogsSql = """
        CREATE OR REPLACE FUNCTION ensure_monthly_partitions(parent_table text, time_column text, first_month date, month_count integer)
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
            PERFORM pg_advisory_xact_lock(hashtext('ensure_monthly_partitions:' || parent_table));
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
            CONSTRAINT ck_audit_logs_action CHECK (action IN ('Insert', 'Update', 'Delete'))
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
            operation character varying(64) NOT NULL,
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
            CONSTRAINT ck_router_logs_outcome CHECK (outcome IN ('Succeeded', 'Failed')),
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
            provider character varying(32) NULL,
            recipient character varying(254) NOT NULL,
            template character varying(64) NOT NULL,
            attempt integer NOT NULL,
            status character varying(32) NOT NULL,
            provider_message_id character varying(128) NULL,
            error_code character varying(32) NULL,
            error character varying(2000) NULL,
            duration_ms integer NULL,
            CONSTRAINT pk_notification_logs PRIMARY KEY (id, occurred_at),
            CONSTRAINT fk_notification_logs_notification_outbox_outbox_message_id FOREIGN KEY (outbox_message_id) REFERENCES notification_outbox (id) ON DELETE SET NULL,
            CONSTRAINT fk_notification_logs_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL,
            CONSTRAINT ck_notification_logs_channel CHECK (channel IN ('WhatsApp', 'Email')),
            CONSTRAINT ck_notification_logs_status CHECK (status IN ('Sent', 'TransientFailure', 'PermanentFailure', 'Delivered', 'Read', 'Failed', 'SkippedQuietHours', 'SkippedOptOut', 'SkippedDisabled')),
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
            from_value character varying(32) NULL,
            to_value character varying(32) NOT NULL,
            source character varying(32) NOT NULL,
            reason character varying(500) NULL,
            user_id uuid NULL,
            CONSTRAINT pk_customer_status_logs PRIMARY KEY (id, changed_at),
            CONSTRAINT fk_customer_status_logs_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
            CONSTRAINT fk_customer_status_logs_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
            CONSTRAINT ck_customer_status_logs_kind CHECK (kind IN ('Lifecycle', 'Connection')),
            CONSTRAINT ck_customer_status_logs_source CHECK (source IN ('User', 'Sync', 'Billing', 'Registration', 'Api', 'System'))
        ) PARTITION BY RANGE (changed_at);
        ALTER SEQUENCE customer_status_logs_id_seq OWNED BY customer_status_logs.id;
        CREATE INDEX ix_customer_status_logs_customer_id ON customer_status_logs (customer_id, changed_at);
        CREATE INDEX ix_customer_status_logs_user_id ON customer_status_logs (user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX ix_customer_status_logs_changed_at ON customer_status_logs (changed_at);
        CREATE TABLE customer_status_logs_default PARTITION OF customer_status_logs DEFAULT;

        SELECT ensure_monthly_partitions('audit_logs', 'occurred_at', date_trunc('month', now() AT TIME ZONE 'UTC')::date, 4);
        SELECT ensure_monthly_partitions('router_logs', 'occurred_at', date_trunc('month', now() AT TIME ZONE 'UTC')::date, 4);
        SELECT ensure_monthly_partitions('notification_logs', 'occurred_at', date_trunc('month', now() AT TIME ZONE 'UTC')::date, 4);
        SELECT ensure_monthly_partitions('customer_status_logs', 'changed_at', date_trunc('month', now() AT TIME ZONE 'UTC')::date, 4);
        """;

        private const string DropPartitionedLogsSql = """
        DROP TABLE IF EXISTS audit_logs CASCADE;
        DROP TABLE IF EXISTS router_logs CASCADE;
        DROP TABLE IF EXISTS notification_logs CASCADE;
        DROP TABLE IF EXISTS customer_status_logs CASCADE;
        DROP FUNCTION IF EXISTS ensure_monthly_partitions(text, text, date, integer);
        """;
    }
}
