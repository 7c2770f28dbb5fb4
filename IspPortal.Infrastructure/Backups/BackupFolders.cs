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

    /// <summary>
    /// The files of one uploads folder, by their path relative to it; the other folders (attachments,
    /// the backups themselves) are left out where one is nested in it.
    /// </summary>
    public IEnumerable<string> FilesUnder(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        var inside = folder + Path.DirectorySeparatorChar;
        string[] others = [.. new[] { Backups, Photos, TicketAttachments }.Select(other => other + Path.DirectorySeparatorChar)
            .Where(other => other != inside && other.StartsWith(inside, StringComparison.Ordinal))];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !others.Any(other => Path.GetFullPath(file).StartsWith(other, StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }
}
