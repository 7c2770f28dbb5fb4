using System.Security.Cryptography;
using ImageMagick;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Customers;

/// <summary>
/// Photos as files under <see cref="Folder"/> (outside wwwroot), named by 128 random bits. Each
/// upload is decoded, so a file that only claims to be an image is refused; turned upright by
/// its EXIF orientation; and written again without any metadata (GPS position, camera, owner).
/// </summary>
public sealed class FileCustomerPhotoStore : ICustomerPhotoStore
{
    public const string FolderKey = "Storage:Photos";

    /// <summary>Larger images are refused before decoding: a small file can declare huge dimensions.</summary>
    public const uint MaxDimension = 12_000;

    private static readonly Dictionary<MagickFormat, (string Extension, string ContentType)> Formats = new()
    {
        [MagickFormat.Jpeg] = (".jpg", "image/jpeg"),
        [MagickFormat.Jpg] = (".jpg", "image/jpeg"),
        [MagickFormat.Png] = (".png", "image/png"),
        [MagickFormat.WebP] = (".webp", "image/webp"),
    };

    private readonly ILogger<FileCustomerPhotoStore> _logger;

    public FileCustomerPhotoStore(string folder, ILogger<FileCustomerPhotoStore> logger)
    {
        Folder = Path.GetFullPath(folder);
        _logger = logger;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public async Task<Outcome<string>> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        var read = await CopyAtMostAsync(content, buffer, ICustomerPhotoStore.MaxBytes + 1, cancellationToken);
        if (read == 0)
            return Outcome.Refused<string>("", "Berkas foto kosong.");
        if (read > ICustomerPhotoStore.MaxBytes)
            return Outcome.Refused<string>("", $"Foto terlalu besar: maksimal {ICustomerPhotoStore.MaxBytes / 1024 / 1024} MB.");

        try
        {
            var bytes = buffer.ToArray();
            var info = new MagickImageInfo(bytes);
            if (!Formats.TryGetValue(info.Format, out var format))
                return Outcome.Refused<string>("", "Format foto harus JPEG, PNG atau WebP.");
            if (info.Width > MaxDimension || info.Height > MaxDimension)
                return Outcome.Refused<string>("", $"Ukuran gambar terlalu besar: maksimal {MaxDimension} piksel per sisi.");

            using var image = new MagickImage(bytes, new MagickReadSettings { Format = info.Format });
            image.AutoOrient();
            image.Strip();
            var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + format.Extension;
            await image.WriteAsync(Path.Combine(Folder, name), cancellationToken);
            return Outcome.Done(name);
        }
        catch (MagickException exception)
        {
            _logger.LogInformation("Refused an uploaded photo that does not decode: {Reason}", exception.Message);
            return Outcome.Refused<string>("", "Berkas bukan gambar JPEG, PNG atau WebP yang valid.");
        }
    }

    public bool Exists(string name) => PathOf(name) is { } path && File.Exists(path);

    public StoredPhoto? Open(string name)
    {
        if (PathOf(name) is not { } path || !File.Exists(path))
            return null;
        var contentType = Formats.Values.First(f => f.Extension == Path.GetExtension(path)).ContentType;
        return new StoredPhoto(File.OpenRead(path), contentType);
    }

    /// <summary>Only names this store makes (32 hex digits and a known extension): nothing else reaches the file system.</summary>
    private string? PathOf(string name) =>
        name.Length is > 32 and <= 37 && name[..32].All(char.IsAsciiHexDigitLower) && Formats.Values.Any(f => f.Extension == name[32..])
            ? Path.Combine(Folder, name)
            : null;

    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int count;
        while (total < limit && (count = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - total)), cancellationToken)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, count), cancellationToken);
            total += count;
        }
        return total;
    }
}
