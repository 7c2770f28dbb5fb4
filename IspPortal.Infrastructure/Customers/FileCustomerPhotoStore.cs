using System.Security.Cryptography;
using ImageMagick;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Customers;

/// <summary>
/// Photos as files under <see cref="Folder"/> (outside wwwroot), named by 128 random bits. Each
/// upload must start with a JPEG, PNG or WebP signature before any decoder sees it (ImageMagick
/// would otherwise guess among its many formats, scripts such as SVG and MVG included); its
/// declared size is read from the header and checked before the pixels are decoded, and decoding
/// runs under ImageMagick's resource limits, so a decompression bomb fails fast instead of
/// taking the server's memory. What passes is turned upright by its EXIF orientation and written
/// again without any metadata (GPS position, camera, owner).
/// </summary>
public sealed class FileCustomerPhotoStore : ICustomerPhotoStore
{
    public const string FolderKey = "Storage:Photos";

    /// <summary>Larger images are refused before decoding: a small file can declare huge dimensions.</summary>
    public const uint MaxDimension = 10_000;

    /// <summary>50 megapixels: the largest photo a phone takes (8160×6120); 200 MB of pixels at most while decoding.</summary>
    public const ulong MaxPixels = 50_000_000;

    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<MagickFormat, (string Extension, string ContentType)> Formats = new()
    {
        [MagickFormat.Jpeg] = (".jpg", "image/jpeg"),
        [MagickFormat.Jpg] = (".jpg", "image/jpeg"),
        [MagickFormat.Png] = (".png", "image/png"),
        [MagickFormat.WebP] = (".webp", "image/webp"),
    };

    private readonly ILogger<FileCustomerPhotoStore> _logger;

    static FileCustomerPhotoStore()
    {
        // Process-wide: every decode in the portal (these photos are its only images) stays inside
        // them. Disk 0 keeps a pixel cache that outgrows memory from spilling to temporary files.
        // No width or height limit: reading the header of a wider image would then fail as
        // "corrupt" instead of reaching the clear size message below; the area bounds the decode.
        ResourceLimits.Area = MaxPixels;
        ResourceLimits.Memory = 256UL * 1024 * 1024;
        ResourceLimits.Disk = 0;
        ResourceLimits.ListLength = 4;
    }

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
            if (SignatureFormat(bytes) is not { } signature)
                return Outcome.Refused<string>("", "Format foto harus JPEG, PNG atau WebP.");
            var info = new MagickImageInfo(bytes, new MagickReadSettings { Format = signature });
            var format = Formats[signature];
            if (info.Width > MaxDimension || info.Height > MaxDimension || (ulong)info.Width * info.Height > MaxPixels)
                return Outcome.Refused<string>("", $"Ukuran gambar terlalu besar: maksimal {MaxPixels / 1_000_000} megapiksel dan {MaxDimension} piksel per sisi.");

            // Only the first frame: an animated WebP or PNG could carry thousands.
            using var image = new MagickImage(bytes, new MagickReadSettings { Format = signature, FrameIndex = 0, FrameCount = 1 });
            image.AutoOrient();
            image.Strip();
            var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + format.Extension;
            await image.WriteAsync(Path.Combine(Folder, name), cancellationToken);
            return Outcome.Done(name);
        }
        catch (MagickResourceLimitErrorException exception)
        {
            _logger.LogWarning("Refused an uploaded photo that exceeds the decoding limits: {Reason}", exception.Message);
            return Outcome.Refused<string>("", "Gambar terlalu besar untuk diproses; kirim foto dengan resolusi lebih kecil.");
        }
        catch (MagickException exception)
        {
            _logger.LogInformation("Refused an uploaded photo that does not decode: {Reason}", exception.Message);
            return Outcome.Refused<string>("", "Berkas bukan gambar JPEG, PNG atau WebP yang valid.");
        }
    }

    private static MagickFormat? SignatureFormat(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(JpegSignature))
            return MagickFormat.Jpeg;
        if (bytes.StartsWith(PngSignature))
            return MagickFormat.Png;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return MagickFormat.WebP;
        return null;
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
