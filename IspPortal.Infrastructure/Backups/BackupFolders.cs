using IspPortal.Infrastructure.Customers;
using IspPortal.Infrastructure.Tickets;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure.Backups;

/// <summary>The folders a backup reads and a restore writes, as the portal's configuration names them.</summary>
public sealed record BackupFolders(string Backups, string Photos, string TicketAttachments, string ConnectionString)
{
    public const string FolderKey = "Backup:Folder";

    public static BackupFolders From(IConfiguration configuration) => new(
        Path.GetFullPath(configuration.StorageFolder(FolderKey, "backups")),
        Path.GetFullPath(configuration.StorageFolder(FileCustomerPhotoStore.FolderKey, "photos")),
        Path.GetFullPath(configuration.StorageFolder(FileTicketAttachmentStore.FolderKey, "ticket-attachments")),
        configuration.DatabaseConnectionString());

    /// <summary>The files of one uploads folder, by their path relative to it; a folder nested in it that is stored on its own is left out.</summary>
    public static IEnumerable<string> FilesUnder(string folder, string? storedOnItsOwn)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => storedOnItsOwn is null || !Path.GetFullPath(file).StartsWith(storedOnItsOwn + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }
}
