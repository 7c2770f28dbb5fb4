using IspPortal.Infrastructure.Customers;
using IspPortal.Infrastructure.Finance;
using IspPortal.Infrastructure.Tickets;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure.Backups;

/// <summary>The folders a backup reads and a restore writes, as the portal's configuration names them.</summary>
public sealed record BackupFolders(string Backups, string Photos, string TicketAttachments, string ExpenseReceipts, string ConnectionString)
{
    public const string FolderKey = "Backup:Folder";

    public static BackupFolders From(IConfiguration configuration) => new(
        Path.GetFullPath(configuration.StorageFolder(FolderKey, "backups")),
        Path.GetFullPath(configuration.StorageFolder(FileCustomerPhotoStore.FolderKey, "photos")),
        Path.GetFullPath(configuration.StorageFolder(FileTicketAttachmentStore.FolderKey, "ticket-attachments")),
        Path.GetFullPath(configuration.StorageFolder(FileExpenseReceiptStore.FolderKey, "expense-receipts")),
        configuration.DatabaseConnectionString());

    /// <summary>Each uploads folder with the prefix its files carry in an archive.</summary>
    public IReadOnlyList<(string Prefix, string Folder)> Uploads =>
    [
        (BackupManifest.PhotosPrefix, Photos),
        (BackupManifest.AttachmentsPrefix, TicketAttachments),
        (BackupManifest.ExpenseReceiptsPrefix, ExpenseReceipts),
    ];

    /// <summary>Where a restore writes an archive entry; null for an entry that is not an uploaded file.</summary>
    public string? TargetOf(string entry) =>
        Uploads.Where(u => entry.StartsWith(u.Prefix, StringComparison.Ordinal))
            .Select(u => Path.Combine(u.Folder, entry[u.Prefix.Length..]))
            .FirstOrDefault();

    /// <summary>
    /// The files of one uploads folder, by their path relative to it; the other folders (attachments,
    /// the backups themselves) are left out where one is nested in it.
    /// </summary>
    public IEnumerable<string> FilesUnder(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        var inside = folder + Path.DirectorySeparatorChar;
        string[] others = [.. new[] { Backups, Photos, TicketAttachments, ExpenseReceipts }.Select(other => other + Path.DirectorySeparatorChar)
            .Where(other => other != inside && other.StartsWith(inside, StringComparison.Ordinal))];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !others.Any(other => Path.GetFullPath(file).StartsWith(other, StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }
}
