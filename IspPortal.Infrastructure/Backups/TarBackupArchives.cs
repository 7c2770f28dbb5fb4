using System.Formats.Tar;
using System.Reflection;
using System.Security.Cryptography;
using IspPortal.Core.Backups;
using Npgsql;

namespace IspPortal.Infrastructure.Backups;

/// <summary>
/// One uncompressed tar per run (ADR 0016): <c>database.dump</c> (pg_dump -Fc, compressed itself),
/// <c>photos/…</c>, <c>ticket-attachments/…</c>, then <c>manifest.json</c>. Row counts and the
/// dump read one exported snapshot, so they agree. Written as <c>.partial</c>, renamed when complete.
/// </summary>
public sealed class TarBackupArchives(BackupFolders folders, PostgresClientTools tools, TimeProvider clock) : IBackupArchives
{
    public const string Extension = ".tar";
    private const string PartialExtension = ".partial";

    /// <summary>The tables whose row counts the manifest carries and a restore drill compares.</summary>
    public static readonly string[] MainTables =
    [
        "users", "settings", "customers", "service_packages", "routers", "pppoe_secrets", "invoices", "invoice_lines",
        "payments", "payment_allocations", "tickets", "ticket_comments", "notification_outbox", "audit_logs",
    ];

    public async Task<WrittenArchive> WriteAsync(string fileStem, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folders.Backups);
        var file = fileStem + Extension;
        var final = Path.Combine(folders.Backups, file);
        var partial = final + PartialExtension;
        var dump = Path.Combine(folders.Backups, fileStem + ".dump" + PartialExtension);
        try
        {
            var (migration, counts) = await DumpAsync(dump, cancellationToken);
            var parts = new List<BackupPart>();
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                await AddAsync(tar, dump, BackupManifest.DatabaseEntry, parts, cancellationToken);
                foreach (var (prefix, folder) in folders.Uploads)
                {
                    foreach (var relative in folders.FilesUnder(folder))
                        await AddAsync(tar, Path.Combine(folder, relative), prefix + relative, parts, cancellationToken);
                }

                var manifest = new BackupManifest(BackupManifest.FormatName, PortalVersion, migration, clock.GetUtcNow(), counts, parts);
                var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(manifest.ToJson()) };
                await tar.WriteEntryAsync(entry, cancellationToken);
            }
            var sha256 = await BackupManifest.Sha256Async(partial, cancellationToken);
            File.Move(partial, final);
            return new WrittenArchive(file, new FileInfo(final).Length, sha256);
        }
        finally
        {
            File.Delete(dump);
            File.Delete(partial);
        }
    }

    public string? PathOf(string file)
    {
        var path = Path.GetFullPath(Path.Combine(folders.Backups, file));
        return Path.GetDirectoryName(path) == folders.Backups && path.EndsWith(Extension, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }

    public void Delete(string file)
    {
        if (PathOf(file) is { } path)
            File.Delete(path);
    }

    public static string PortalVersion =>
        typeof(TarBackupArchives).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private async Task<(string? Migration, Dictionary<string, long> Counts)> DumpAsync(string dump, CancellationToken cancellationToken)
    {
        // The counts and pg_dump share one snapshot: exported by a transaction kept open until the dump ends.
        await using var connection = new NpgsqlConnection(folders.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var snapshot = (string)(await Scalar(connection, "SELECT pg_export_snapshot()", cancellationToken))!;
        var migration = (string?)await Scalar(connection, $"SELECT migration_id FROM {DependencyInjection.MigrationsHistoryTable} ORDER BY migration_id DESC LIMIT 1", cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var table in MainTables)
            counts[table] = (long)(await Scalar(connection, $"SELECT count(*) FROM \"{table}\"", cancellationToken))!;
        await PostgresClientTools.RunAsync(tools.PgDump, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", "--file", dump], folders.ConnectionString, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (migration, counts);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task AddAsync(TarWriter tar, string path, string entryName, List<BackupPart> parts, CancellationToken cancellationToken)
    {
        // Hashed from the bytes that go into the archive, so a file changing meanwhile cannot disagree with its hash.
        await using var source = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var copy = new MemoryStream();
        if (source.Length <= 64 << 20)
        {
            await source.CopyToAsync(copy, cancellationToken);
            hash.AppendData(copy.GetBuffer(), 0, (int)copy.Length);
            copy.Position = 0;
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = copy }, cancellationToken);
            parts.Add(new BackupPart(entryName, copy.Length, Convert.ToHexStringLower(hash.GetHashAndReset())));
            return;
        }
        // Large parts (the dump) do not change while written: hashed, then copied.
        source.Position = 0;
        parts.Add(new BackupPart(entryName, source.Length, await BackupManifest.Sha256Async(path, cancellationToken)));
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = source }, cancellationToken);
    }
}
