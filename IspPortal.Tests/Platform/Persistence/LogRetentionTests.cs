using System.IO.Compression;
using IspPortal.Core.Identity;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Persistence.Partitioning;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform.Persistence;

/// <summary>
/// The log partitions' housekeeping on a database of its own. Each test works in years of its own
/// and looks only at them: a run drops every older month, including other tests'.
/// </summary>
public sealed class LogRetentionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _backups = Directory.CreateTempSubdirectory("ispportal-retention-").FullName;

    [Fact]
    public async Task Drops_exactly_the_months_wholly_past_each_logs_retention_keeps_the_default_and_creates_the_coming_months()
    {
        var now = new DateTimeOffset(2040, 3, 15, 10, 0, 0, TimeSpan.Zero);
        await CreateMonthsAsync(new DateOnly(2037, 1, 1), 40); // 2037-01 .. 2040-04
        var dropped = Audit(new DateTimeOffset(2038, 2, 28, 23, 59, 0, TimeSpan.Zero), "dropped");
        var keptEdge = Audit(new DateTimeOffset(2038, 3, 1, 0, 0, 0, TimeSpan.Zero), "kept-edge");
        var keptRecent = Audit(new DateTimeOffset(2040, 3, 14, 0, 0, 0, TimeSpan.Zero), "kept-recent");
        var inDefault = Audit(new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero), "in-default");
        await InsertAsync(dropped, keptEdge, keptRecent, inDefault);
        var keptBefore = await AuditRowsAsync("kept-edge", "kept-recent", "in-default");

        var result = await RunAsync(now, new() { ["Retention:RouterLogsMonths"] = "12", ["Retention:AuditLogsMonths"] = "24", ["Retention:NotificationLogsMonths"] = "0" });

        // Cut-offs: audit 2038-03-15 (2038-02 ends before it, 2038-03 does not); router logs 2039-03-15.
        Assert.Equal(Months(new DateOnly(2038, 3, 1), new DateOnly(2040, 6, 1)), await MonthsInRangeAsync("audit_logs", 2037, 2040));
        Assert.Equal(Months(new DateOnly(2039, 3, 1), new DateOnly(2040, 6, 1)), await MonthsInRangeAsync("router_logs", 2037, 2040));
        Assert.Equal(Months(new DateOnly(2038, 3, 1), new DateOnly(2040, 6, 1)), await MonthsInRangeAsync("customer_status_logs", 2037, 2040));
        Assert.Equal(Months(new DateOnly(2037, 1, 1), new DateOnly(2040, 6, 1)), await MonthsInRangeAsync("notification_logs", 2037, 2040));
        var partitions = await PartitionsAsync();
        Assert.All(PartitionedTables.All, table => Assert.Contains(table.DefaultPartitionName, partitions));
        Assert.Contains(result, d => d.Partition == "audit_logs_2038_02");
        Assert.DoesNotContain(result, d => d.Partition.EndsWith("_default", StringComparison.Ordinal) || d.Table == "notification_logs");
        Assert.Equal(1, Assert.Single(result, d => d.Partition == "audit_logs_2038_02").Rows);
        Assert.All(result, d => Assert.Null(d.ExportFile));
        Assert.Equal(keptBefore, await AuditRowsAsync("kept-edge", "kept-recent", "in-default"));
        Assert.Empty(await AuditRowsAsync("dropped"));
        Assert.Equal("audit_logs_default", await PartitionOfAsync("in-default"));
        Assert.Empty(await DetachedLeftoversAsync());
    }

    [Fact]
    public async Task With_export_on_writes_the_months_rows_as_gzipped_csv_to_the_backup_archive_before_dropping()
    {
        var now = new DateTimeOffset(2047, 7, 2, 0, 0, 0, TimeSpan.Zero);
        await CreateMonthsAsync(new DateOnly(2045, 5, 1), 4); // 2045-05 .. 2045-08
        await InsertAsync(
            Audit(new DateTimeOffset(2045, 6, 3, 8, 0, 0, TimeSpan.Zero), "export-1", "{\"note\": \"a, \\\"quoted\\\" one\"}"),
            Audit(new DateTimeOffset(2045, 6, 20, 8, 0, 0, TimeSpan.Zero), "export-2"),
            Audit(new DateTimeOffset(2045, 7, 20, 8, 0, 0, TimeSpan.Zero), "stays"));

        var result = await RunAsync(now, new() { ["Retention:ExportBeforeDrop"] = "true", ["Backup:Folder"] = _backups });

        var export = Assert.Single(result, d => d.Partition == "audit_logs_2045_06");
        var file = Path.Combine(_backups, PartitionRetention.ArchiveFolderName, "audit_logs_2045_06.csv.gz");
        Assert.Equal(file, export.ExportFile);
        Assert.Equal(2, export.Rows);
        var csv = await ReadGzipAsync(file);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,occurred_at,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("export-1", csv, StringComparison.Ordinal);
        Assert.Contains("export-2", csv, StringComparison.Ordinal);
        Assert.Contains("\"{\"\"note\"\": \"\"a, \\\"\"quoted\\\"\" one\"\"}\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("stays", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("audit_logs_2045_06", await PartitionsAsync());
        Assert.Contains("audit_logs_2045_07", await PartitionsAsync());
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task A_month_left_detached_by_a_failed_run_is_dropped_by_the_next_and_a_second_instance_skips_while_one_runs()
    {
        var now = new DateTimeOffset(2052, 1, 10, 0, 0, 0, TimeSpan.Zero);
        await CreateMonthsAsync(new DateOnly(2049, 1, 1), 2);
        await using (var context = db.CreateDbContext())
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE router_logs DETACH PARTITION router_logs_2049_01");

        await using (var holder = db.CreateDbContext())
        {
            await using var transaction = await holder.Database.BeginTransactionAsync();
            await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({LogPartitionsJob.LockName}))");
            Assert.Null(await TryRunAsync(now, new()));
        }
        var result = await RunAsync(now, new());

        Assert.Contains(result, d => d.Partition == "router_logs_2049_01");
        Assert.DoesNotContain("router_logs_2049_01", await TablesAsync());
        Assert.DoesNotContain("router_logs_2049_02", await TablesAsync());
    }

    private async Task<IReadOnlyList<DroppedPartition>> RunAsync(DateTimeOffset now, Dictionary<string, string?> settings)
    {
        var dropped = await TryRunAsync(now, settings);
        Assert.NotNull(dropped);
        return dropped;
    }

    private async Task<IReadOnlyList<DroppedPartition>?> TryRunAsync(DateTimeOffset now, Dictionary<string, string?> settings)
    {
        await using var services = InfrastructureServices.Build(db.ConnectionString, new ManualTimeProvider(now), Actor.System, settings);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LogPartitionsJob>().RunAsync();
    }

    private async Task CreateMonthsAsync(DateOnly first, int count)
    {
        await using var context = db.CreateDbContext();
        await new PartitionMaintenance(context).EnsurePartitionsAsync(new DateTimeOffset(first, TimeOnly.MinValue, TimeSpan.Zero), monthsAhead: count - 1);
    }

    private static AuditLog Audit(DateTimeOffset at, string key, string changes = "{}") =>
        new() { OccurredAt = at, Entity = "retention_test", EntityKey = key, Action = AuditAction.Update, Changes = changes };

    private async Task InsertAsync(params AuditLog[] rows)
    {
        await using var context = db.CreateDbContext();
        context.AuditLogs.AddRange(rows);
        await context.SaveChangesAsync();
    }

    private async Task<List<string>> AuditRowsAsync(params string[] keys)
    {
        await using var context = db.CreateDbContext();
        return (await context.AuditLogs.AsNoTracking().Where(a => keys.Contains(a.EntityKey)).OrderBy(a => a.Id).ToListAsync())
            .Select(a => $"{a.Id}|{a.OccurredAt:O}|{a.EntityKey}|{a.Action}|{a.Changes}").ToList();
    }

    private async Task<string> PartitionOfAsync(string key)
    {
        await using var context = db.CreateDbContext();
        return await context.Database.SqlQuery<string>($"SELECT tableoid::regclass::text AS \"Value\" FROM audit_logs WHERE entity_key = {key}").SingleAsync();
    }

    private static List<string> Months(DateOnly first, DateOnly last)
    {
        var months = new List<string>();
        for (var m = first; m <= last; m = m.AddMonths(1))
            months.Add($"{m:yyyy_MM}");
        return months;
    }

    private async Task<List<string>> MonthsInRangeAsync(string table, int firstYear, int lastYear) =>
        (await PartitionsAsync())
            .Where(p => p.StartsWith(table + "_", StringComparison.Ordinal) && int.TryParse(p[(table.Length + 1)..].Split('_')[0], out var year) && year >= firstYear && year <= lastYear)
            .Select(p => p[(table.Length + 1)..]).Order(StringComparer.Ordinal).ToList();

    private async Task<List<string>> PartitionsAsync()
    {
        await using var context = db.CreateDbContext();
        return await context.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind = 'r'
            """).ToListAsync();
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var context = db.CreateDbContext();
        return await context.Database.SqlQuery<string>($"SELECT relname AS \"Value\" FROM pg_class WHERE relkind = 'r'").ToListAsync();
    }

    private async Task<List<string>> DetachedLeftoversAsync()
    {
        await using var context = db.CreateDbContext();
        return await context.Database.SqlQuery<string>($$"""
            SELECT relname AS "Value" FROM pg_class
            WHERE relkind = 'r' AND NOT relispartition AND relname ~ '_logs_[0-9]{4}_[0-9]{2}$'
            """).ToListAsync();
    }

    private static async Task<string> ReadGzipAsync(string file)
    {
        await using var input = File.OpenRead(file);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    public void Dispose() => Directory.Delete(_backups, recursive: true);
}
