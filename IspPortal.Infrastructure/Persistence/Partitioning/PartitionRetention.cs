using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IspPortal.Infrastructure.Persistence.Partitioning;

/// <param name="ExportFile">The gzipped CSV the rows were written to first; null when not exported.</param>
public sealed record DroppedPartition(string Table, string Partition, DateTimeOffset UpperBound, long Rows, string? ExportFile);

/// <summary>
/// Drops the monthly partitions of the log tables that lie wholly before their retention's cutoff
/// (upper bound ≤ now − months), never the DEFAULT partition. Each is detached in one transaction
/// and dropped in another, so the parent is locked only for the detach; with
/// <see cref="RetentionOptions.ExportBeforeDrop"/> its rows are written to the archive folder in
/// between. A partition left detached by a failed run is finished by the next one.
/// </summary>
public sealed partial class PartitionRetention(
    IDbContextFactory<IspDbContext> contexts,
    IOptions<RetentionOptions> options,
    IConfiguration configuration,
    ILogger<PartitionRetention> logger)
{
    public const string ArchiveFolderName = "archive";

    /// <summary>Waits at most this long for the parent's lock, so writers are never queued behind a long detach.</summary>
    private const string LockTimeout = "10s";

    public string ArchiveFolder => Path.Combine(configuration.StorageFolder("Backup:Folder", "backups"), ArchiveFolderName);

    public async Task<IReadOnlyList<DroppedPartition>> DropExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var dropped = new List<DroppedPartition>();
        foreach (var table in PartitionedTables.All)
        {
            var months = options.Value.MonthsFor(table);
            if (months == 0)
                continue;
            var cutoff = now.ToUniversalTime().AddMonths(-months);
            foreach (var partition in await ExpiredPartitionsAsync(table, cutoff, cancellationToken))
                dropped.Add(await DropAsync(table, partition, cancellationToken));
        }
        return dropped;
    }

    private async Task<List<PartitionRow>> ExpiredPartitionsAsync(PartitionedTable table, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Snake-case aliases: the naming convention maps this ad-hoc type too. The bound is printed in
        // the session's time zone with its offset, so casting it back is exact.
        var attached = await db.Database.SqlQuery<PartitionRow>($"""
            SELECT c.relname AS name, true AS attached,
                   (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz AS upper_bound
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = {table.Table}::regclass
            """).ToListAsync(cancellationToken);
        var leftovers = await db.Database.SqlQuery<string>($$"""
            SELECT c.relname AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relispartition
              AND c.relname ~ ('^' || {{table.Table}} || '_[0-9]{4}_[0-9]{2}$')
            """).ToListAsync(cancellationToken);
        return attached
            .Concat(leftovers.Select(name => new PartitionRow(name, false, MonthEnd(table, name))))
            .Where(p => p.UpperBound is { } upper && upper <= cutoff && p.Name != table.DefaultPartitionName)
            .OrderBy(p => p.UpperBound)
            .ToList();
    }

    private async Task<DroppedPartition> DropAsync(PartitionedTable table, PartitionRow partition, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = Identifier(partition.Name);
        if (partition.Attached)
        {
            await using var detach = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SET LOCAL lock_timeout = '{LockTimeout}'", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(string.Concat("ALTER TABLE ", Identifier(table.Table), " DETACH PARTITION ", name), cancellationToken);
            await detach.CommitAsync(cancellationToken);
        }

        var rows = await db.Database.SqlQueryRaw<long>(string.Concat("SELECT count(*) AS \"Value\" FROM ", name)).SingleAsync(cancellationToken);
        var file = options.Value.ExportBeforeDrop ? await ExportAsync(db, partition.Name, cancellationToken) : null;

        await using (var drop = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(string.Concat("DROP TABLE ", name), cancellationToken);
            await drop.CommitAsync(cancellationToken);
        }
        logger.LogInformation("Dropped log partition {Partition} of {Table} (before {UpperBound:yyyy-MM-dd}, {Rows} rows){Export}",
            partition.Name, table.Table, partition.UpperBound, rows, file is null ? "" : $", exported to {file}");
        return new DroppedPartition(table.Table, partition.Name, partition.UpperBound!.Value, rows, file);
    }

    /// <summary>COPY of the detached partition as CSV with a header, gzipped; written under a temporary name and renamed once flushed.</summary>
    private async Task<string> ExportAsync(IspDbContext db, string partition, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ArchiveFolder);
        var file = Path.Combine(ArchiveFolder, partition + ".csv.gz");
        var temporary = file + ".partial";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
                using (var reader = await connection.BeginTextExportAsync(string.Concat("COPY ", Identifier(partition), " TO STDOUT (FORMAT csv, HEADER)"), cancellationToken))
                {
                    var buffer = new char[64 * 1024];
                    int read;
                    while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
                        await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, file, overwrite: true);
            return file;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DateTimeOffset? MonthEnd(PartitionedTable table, string name)
    {
        var suffix = name[(table.Table.Length + 1)..].Split('_');
        return int.TryParse(suffix[0], out var year) && int.TryParse(suffix[1], out var month) && month is >= 1 and <= 12
            ? new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1)
            : null;
    }

    /// <summary>Names come from the catalogue and <see cref="PartitionedTables"/>; quoted after checking they are plain.</summary>
    private static string Identifier(string name) =>
        PlainIdentifier().IsMatch(name) ? $"\"{name}\"" : throw new ArgumentException($"Unexpected table name '{name}'.", nameof(name));

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex PlainIdentifier();

    private sealed record PartitionRow(string Name, bool Attached, DateTimeOffset? UpperBound);
}
