using System.Security.Cryptography;
using System.Text.Json;

namespace IspPortal.Infrastructure.Backups;

/// <summary>
/// <c>manifest.json</c>, the archive's last entry: what made it and the SHA-256 of every other
/// entry, which a restore checks before it changes anything (ADR 0016).
/// </summary>
public sealed record BackupManifest(
    string Format, string PortalVersion, string? Migration, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, long> RowCounts, IReadOnlyList<BackupPart> Parts)
{
    public const string FormatName = "ispportal-backup/1";
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "database.dump";
    public const string PhotosPrefix = "photos/";
    public const string AttachmentsPrefix = "ticket-attachments/";
    public const string ExpenseReceiptsPrefix = "expense-receipts/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? Parse(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}

/// <param name="Path">The entry's name in the archive.</param>
public sealed record BackupPart(string Path, long Size, string Sha256);
