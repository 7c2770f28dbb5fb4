using IspPortal.Infrastructure.Backups;
using IspPortal.Tests.Support;
using Npgsql;

namespace IspPortal.Tests.Backups;

/// <summary>Backup and restore targets of a test: folders under one temporary root, new empty databases.</summary>
public sealed class BackupScratch
{
    private readonly List<string> _databases = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("ispportal-backup-test-").FullName;

    public static TarBackupArchives ArchivesFor(BackupFolders folders) => new(folders, new PostgresClientTools(null), TimeProvider.System);

    public static PortalRestore RestoreFor(BackupFolders folders) => new(folders, new PostgresClientTools(null));

    /// <summary>A new, empty database (no template: no tables at all) and new folders to restore into.</summary>
    public async Task<BackupFolders> NewTargetAsync(string name)
    {
        var cluster = await TestPostgres.ClusterAsync();
        var database = $"r_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(database);
        _databases.Add(database);
        var folder = Path.Combine(Root, name);
        return new BackupFolders(Path.Combine(folder, "backups"), Path.Combine(folder, "photos"), Path.Combine(folder, "ticket-attachments"), Path.Combine(folder, "expense-receipts"),
            cluster.ConnectionString(database));
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public const string TablesSql = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'";

    public async Task CleanUpAsync()
    {
        var cluster = await TestPostgres.ClusterAsync();
        foreach (var database in _databases)
            await cluster.DropDatabaseAsync(database);
        Directory.Delete(Root, recursive: true);
    }
}
