using IspPortal.Infrastructure.Persistence.Partitioning;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Platform.Persistence;

public class SchemaTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    public static readonly string[] BriefTables =
    [
        "users", "customers", "routers", "location_codes", "pppoe_secrets", "service_packages",
        "customer_registrations", "invoices", "payments", "expenses", "income", "assets", "investments",
        "tickets", "ticket_comments", "ticket_activities", "notification_logs", "whatsapp_messages",
        "router_logs", "router_pools", "customer_location_history", "customer_status_logs",
        "ticket_categories", "ticket_escalations", "audit_logs", "settings", "router_pool_members",
    ];

    private static readonly string[] PartitionedLogTables = ["router_logs", "notification_logs", "audit_logs", "customer_status_logs"];

    [Fact]
    public async Task Migrations_create_the_27_core_tables_with_their_exact_names()
    {
        await using var context = db.CreateDbContext();

        var tables = await context.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """).ToListAsync();

        Assert.Equal(27, BriefTables.Distinct().Count());
        Assert.All(BriefTables, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task The_model_and_the_migrations_agree()
    {
        // Two branches that each add a migration merge textually into a snapshot that can miss one
        // of them; the next migration would then re-create or drop tables nobody meant to touch.
        await using var context = db.CreateDbContext();

        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes no migration creates: add a migration");
    }

    [Fact]
    public async Task The_four_big_logs_are_partitioned_by_month_on_their_time_column()
    {
        await using var context = db.CreateDbContext();

        var partitioned = await context.Database.SqlQuery<PartitionKey>($"""
            SELECT c.relname AS "Table", p.partstrat::text AS "Strategy", a.attname AS "Column"
            FROM pg_partitioned_table p
            JOIN pg_class c ON c.oid = p.partrelid
            JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
            """).ToListAsync();

        Assert.Equal(PartitionedLogTables.Order(), partitioned.Select(p => p.Table).Order());
        Assert.All(partitioned, p => Assert.Equal("r", p.Strategy));
        Assert.All(PartitionedTables.All, t => Assert.Contains(new PartitionKey(t.Table, "r", t.TimeColumn), partitioned));
    }

    [Fact]
    public async Task Migration_creates_this_month_three_months_ahead_and_a_default_partition()
    {
        await using var context = db.CreateDbContext();
        var partitions = await PartitionsAsync(context);
        var month = DateTime.UtcNow;

        foreach (var table in PartitionedTables.All)
        {
            Assert.Contains(table.DefaultPartitionName, partitions);
            for (var ahead = 0; ahead <= PartitionMaintenance.DefaultMonthsAhead; ahead++)
            {
                var m = month.AddMonths(ahead);
                Assert.Contains(table.PartitionName(m.Year, m.Month), partitions);
            }
        }
    }

    [Fact]
    public async Task Partition_maintenance_creates_the_coming_months_once()
    {
        await using var context = db.CreateDbContext();
        var maintenance = new PartitionMaintenance(context);
        var now = new DateTimeOffset(2031, 11, 20, 23, 0, 0, TimeSpan.FromHours(-5)); // 2031-11-21 04:00 UTC

        var first = await maintenance.EnsurePartitionsAsync(now, monthsAhead: 3);
        var second = await maintenance.EnsurePartitionsAsync(now, monthsAhead: 3);

        Assert.Equal(4 * PartitionedTables.All.Count, first);
        Assert.Equal(0, second);
        var partitions = await PartitionsAsync(context);
        Assert.Contains("audit_logs_2031_11", partitions);
        Assert.Contains("router_logs_2032_02", partitions);
        Assert.DoesNotContain("audit_logs_2032_03", partitions);
        var bounds = await context.Database.SqlQuery<string>($"""
            SELECT pg_get_expr(relpartbound, oid) AS "Value" FROM pg_class WHERE relname = 'customer_status_logs_2031_12'
            """).SingleAsync();
        Assert.Equal("FOR VALUES FROM ('2031-12-01 00:00:00+00') TO ('2032-01-01 00:00:00+00')", bounds);
    }

    [Fact]
    public async Task Rows_that_landed_in_the_default_partition_move_into_their_new_month()
    {
        await using var context = db.CreateDbContext();
        var at = new DateTimeOffset(2035, 6, 10, 12, 0, 0, TimeSpan.Zero);
        context.AuditLogs.Add(new global::IspPortal.Core.Identity.AuditLog { OccurredAt = at, Entity = "routers", EntityKey = "1", Action = global::IspPortal.Core.Identity.AuditAction.Insert });
        await context.SaveChangesAsync();
        Assert.Equal("audit_logs_default", await PartitionOfAsync(context, at));

        await new PartitionMaintenance(context).EnsurePartitionsAsync(at, monthsAhead: 0);

        Assert.Equal("audit_logs_2035_06", await PartitionOfAsync(context, at));
    }

    private static Task<List<string>> PartitionsAsync(DbContext context) =>
        context.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind = 'r'
            """).ToListAsync();

    private static Task<string> PartitionOfAsync(DbContext context, DateTimeOffset at) =>
        context.Database.SqlQuery<string>($"""
            SELECT tableoid::regclass::text AS "Value" FROM audit_logs WHERE occurred_at = {at}
            """).SingleAsync();

    private sealed record PartitionKey(string Table, string Strategy, string Column);
}
