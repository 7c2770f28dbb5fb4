using System.Security.Cryptography;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Tickets.Chat;

namespace IspPortal.Infrastructure.Tickets;

/// <summary>
/// Ticket attachments: images go through the customer photo store (decoded, turned upright, stripped
/// of EXIF and GPS, random name: ADR 0007), PDFs are recognised by their <c>%PDF-</c> header and
/// written under <see cref="Folder"/> (outside wwwroot) with a random name. Anything else (an .exe
/// renamed .pdf) is refused whatever its name says.
/// </summary>
public sealed class FileTicketAttachmentStore : ITicketAttachmentStore
{
    public const string FolderKey = "Storage:TicketAttachments";
    private const string PdfExtension = ".pdf";
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    private readonly ICustomerPhotoStore _photos;

    public FileTicketAttachmentStore(string folder, ICustomerPhotoStore photos)
    {
        Folder = Path.GetFullPath(folder);
        _photos = photos;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public Task<Outcome<StoredAttachment>> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        SaveAsync(content, fileName, imagesOnly: false, cancellationToken);

    public Task<Outcome<StoredAttachment>> SaveImageAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        SaveAsync(content, fileName, imagesOnly: true, cancellationToken);

    private async Task<Outcome<StoredAttachment>> SaveAsync(Stream content, string fileName, bool imagesOnly, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var name = DisplayName(fileName);
        if (bytes.Length == 0)
            return Refused("Berkas lampiran kosong.");
        if (bytes.Length > ITicketAttachmentStore.MaxBytes)
            return Refused($"Lampiran terlalu besar: maksimal {ITicketAttachmentStore.MaxBytes / 1024 / 1024} MB.");

        if (!imagesOnly && bytes.AsSpan().StartsWith(PdfMagic))
        {
            var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + PdfExtension;
            await File.WriteAllBytesAsync(Path.Combine(Folder, stored), bytes, cancellationToken);
            return Outcome.Done(new StoredAttachment(stored, Path.ChangeExtension(name, PdfExtension), "application/pdf", bytes.Length));
        }
        if (!LooksLikeImage(bytes))
            return Refused(imagesOnly ? "Foto harus gambar JPEG, PNG atau WebP." : "Lampiran harus gambar (JPEG, PNG, WebP) atau PDF.");
        var photo = await _photos.SaveAsync(new MemoryStream(bytes, writable: false), cancellationToken);
        if (!photo.Succeeded)
            return Refused(photo.FirstError);
        var opened = _photos.Open(photo.Value!)!;
        long size;
        await using (opened.Content)
            size = opened.Content.Length;
        return Outcome.Done(new StoredAttachment(photo.Value!, Path.ChangeExtension(name, Path.GetExtension(photo.Value!)), opened.ContentType, size));
    }

    public StoredPhoto? Open(string storedName)
    {
        if (!storedName.EndsWith(PdfExtension, StringComparison.Ordinal))
            return _photos.Open(storedName);
        var path = storedName.Length == 32 + PdfExtension.Length && storedName[..32].All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, storedName) : null;
        return path is not null && File.Exists(path) ? new StoredPhoto(File.OpenRead(path), "application/pdf") : null;
    }

    private static bool LooksLikeImage(byte[] bytes) =>
        bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
        || bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })
        || bytes.Length > 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8);

    /// <summary>The uploader's name without folders or control characters, as shown and offered for download.</summary>
    private static string DisplayName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
            name = "lampiran";
        return name.Length > Core.Tickets.TicketComment.AttachmentNameMaxLength - 5 ? name[..(Core.Tickets.TicketComment.AttachmentNameMaxLength - 5)] : name;
    }

    private static Outcome<StoredAttachment> Refused(string message) => Outcome.Refused<StoredAttachment>(ChatInputField, message);

    private const string ChatInputField = "Attachment";
}
