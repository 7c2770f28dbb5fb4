using System.Formats.Tar;
using Npgsql;

namespace IspPortal.Infrastructure.Backups;

/// <summary>Why a restore changed nothing: a damaged or foreign archive, or a target that is not empty.</summary>
public sealed class RestoreRefusedException(string message) : Exception(message);

/// <summary>
/// Puts an archive back (ADR 0016): unpacks it to a staging folder and checks every part's SHA-256
/// against the manifest, refuses unless the configured database and upload folders are empty, then
/// pg_restore in one transaction and the files into their folders.
/// </summary>
public sealed class PortalRestore(BackupFolders folders, PostgresClientTools tools)
{
    public async Task<BackupManifest> RestoreAsync(string archive, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(archive))
            throw new RestoreRefusedException($"Archive '{archive}' does not exist.");
        var staging = Directory.CreateTempSubdirectory("ispportal-restore-").FullName;
        try
        {
            var manifest = await UnpackAndVerifyAsync(archive, staging, cancellationToken);
            await EnsureDatabaseEmptyAsync(cancellationToken);
            foreach (var (_, folder) in folders.Uploads)
                EnsureFolderEmpty(folder);

            var connection = new NpgsqlConnectionStringBuilder(folders.ConnectionString);
            await PostgresClientTools.RunAsync(tools.PgRestore,
                ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname", connection.Database ?? "", Path.Combine(staging, BackupManifest.DatabaseEntry)],
                folders.ConnectionString, cancellationToken);
            foreach (var part in manifest.Parts)
            {
                var target = folders.TargetOf(part.Path);
                if (target is null)
                    continue;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(staging, part.Path), target);
            }
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Unpacks every entry and checks it against the manifest; throws <see cref="RestoreRefusedException"/> on any mismatch.</summary>
    public static async Task<BackupManifest> UnpackAndVerifyAsync(string archive, string staging, CancellationToken cancellationToken)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        BackupManifest? manifest = null;
        try
        {
            await using var input = File.OpenRead(archive);
            await using var tar = new TarReader(input);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsSafeName(entry.Name) || !entries.Add(entry.Name))
                    throw new RestoreRefusedException($"The archive is not a portal backup: unexpected entry '{entry.Name}'.");
                if (entry.Name == BackupManifest.EntryName)
                {
                    manifest = entry.DataStream is { } json ? BackupManifest.Parse(json) : null;
                    continue;
                }
                var path = Path.Combine(staging, entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await entry.ExtractToFileAsync(path, overwrite: false, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
        {
            throw new RestoreRefusedException($"The archive is damaged: {exception.Message}");
        }

        if (manifest is null || manifest.Format != BackupManifest.FormatName || manifest.Parts is null)
            throw new RestoreRefusedException($"The archive is not a portal backup (no {BackupManifest.EntryName} of format {BackupManifest.FormatName}).");
        entries.Remove(BackupManifest.EntryName);
        if (!entries.SetEquals(manifest.Parts.Select(p => p.Path)) || !entries.Contains(BackupManifest.DatabaseEntry))
            throw new RestoreRefusedException("The archive is damaged: its entries differ from its manifest.");
        foreach (var part in manifest.Parts)
        {
            var path = Path.Combine(staging, part.Path);
            if (new FileInfo(path).Length != part.Size || await BackupManifest.Sha256Async(path, cancellationToken) != part.Sha256)
                throw new RestoreRefusedException($"The archive is damaged: '{part.Path}' does not match its SHA-256 in the manifest.");
        }
        return manifest;
    }

    private async Task EnsureDatabaseEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(folders.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
            """, connection);
        var relations = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (relations > 0)
            throw new RestoreRefusedException(
                $"Database '{connection.Database}' is not empty ({relations} tables, sequences or views): a restore goes only into an empty database. Nothing was changed.");
    }

    private static void EnsureFolderEmpty(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Any(File.Exists))
            throw new RestoreRefusedException($"Folder '{folder}' already holds files: a restore writes only into empty folders. Nothing was changed.");
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0 && !name.StartsWith('/') && !name.Contains('\\') && name.Split('/').All(segment => segment is not ("" or "." or ".."))
        && (name == BackupManifest.EntryName || name == BackupManifest.DatabaseEntry
            || name.StartsWith(BackupManifest.PhotosPrefix, StringComparison.Ordinal) || name.StartsWith(BackupManifest.AttachmentsPrefix, StringComparison.Ordinal)
            || name.StartsWith(BackupManifest.ExpenseReceiptsPrefix, StringComparison.Ordinal));
}
