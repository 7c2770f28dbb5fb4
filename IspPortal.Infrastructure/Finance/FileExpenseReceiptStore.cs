using System.Security.Cryptography;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Finance.Expenses;

namespace IspPortal.Infrastructure.Finance;

/// <summary>
/// Receipts: images go through the customer photo store (decoded, turned upright, stripped of EXIF
/// and GPS, random name), PDFs are recognised by their <c>%PDF-</c> header and written under
/// <see cref="Folder"/> with a random name. Anything else is refused whatever its name says.
/// </summary>
public sealed class FileExpenseReceiptStore : IExpenseReceiptStore
{
    public const string FolderKey = "Storage:ExpenseReceipts";
    private const string PdfExtension = ".pdf";
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    private readonly ICustomerPhotoStore _photos;

    public FileExpenseReceiptStore(string folder, ICustomerPhotoStore photos)
    {
        Folder = Path.GetFullPath(folder);
        _photos = photos;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public async Task<Outcome<string>> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while (buffer.Length <= IExpenseReceiptStore.MaxBytes && (count = await content.ReadAsync(chunk, cancellationToken)) > 0)
            await buffer.WriteAsync(chunk.AsMemory(0, count), cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
            return Outcome.Refused<string>("", "Berkas bukti kosong.");
        if (bytes.Length > IExpenseReceiptStore.MaxBytes)
            return Outcome.Refused<string>("", $"Bukti terlalu besar: maksimal {IExpenseReceiptStore.MaxBytes / 1024 / 1024} MB.");
        if (!bytes.AsSpan().StartsWith(PdfMagic))
        {
            var photo = await _photos.SaveAsync(new MemoryStream(bytes, writable: false), cancellationToken);
            return photo.Succeeded ? photo : Outcome.Refused<string>("", photo.FirstError.Contains("JPEG", StringComparison.Ordinal)
                ? "Bukti harus foto (JPEG, PNG, WebP) atau PDF."
                : photo.FirstError);
        }
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + PdfExtension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), bytes, cancellationToken);
        return Outcome.Done(name);
    }

    public bool Exists(string name) => name.EndsWith(PdfExtension, StringComparison.Ordinal)
        ? PdfPath(name) is { } path && File.Exists(path)
        : _photos.Exists(name);

    public StoredPhoto? Open(string name)
    {
        if (!name.EndsWith(PdfExtension, StringComparison.Ordinal))
            return _photos.Open(name);
        return PdfPath(name) is { } path && File.Exists(path) ? new StoredPhoto(File.OpenRead(path), "application/pdf") : null;
    }

    /// <summary>Only names this store makes (32 hex digits and .pdf): nothing else reaches the file system.</summary>
    private string? PdfPath(string name) =>
        name.Length == 32 + PdfExtension.Length && name[..32].All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, name) : null;
}
