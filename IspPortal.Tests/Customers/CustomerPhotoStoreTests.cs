using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using ImageMagick;
using IspPortal.Core.Customers.Photos;
using IspPortal.Infrastructure.Customers;
using Microsoft.Extensions.Logging.Abstractions;

namespace IspPortal.Tests.Customers;

public sealed class CustomerPhotoStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ispportal-photo-tests", Guid.NewGuid().ToString("N"));
    private readonly FileCustomerPhotoStore _store;

    public CustomerPhotoStoreTests() => _store = new FileCustomerPhotoStore(_folder, NullLogger<FileCustomerPhotoStore>.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_phone_photo_is_stored_upright_under_a_random_name_without_its_gps_position()
    {
        using var photo = new MagickImage(MagickColors.SteelBlue, 40, 20) { Format = MagickFormat.Jpeg };
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "S");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(6, 1), new Rational(24, 1), new Rational(37, 1)]);
        exif.SetValue(ExifTag.Make, "Ponsel Agen");
        // As a phone held upright stores it: pixels sideways, EXIF orientation 6 ("rotate 90°").
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        photo.SetProfile(exif);
        photo.Orientation = Orientation.RightTop;
        var uploaded = photo.ToByteArray();
        Assert.NotNull(new MagickImage(uploaded).GetExifProfile()?.GetValue(ExifTag.GPSLatitude));

        var saved = await _store.SaveAsync(new MemoryStream(uploaded));

        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.Matches("^[0-9a-f]{32}\\.jpg$", saved.Value);
        var stored = _store.Open(saved.Value!)!;
        Assert.Equal("image/jpeg", stored.ContentType);
        await using var content = stored.Content;
        using var image = new MagickImage(content);
        Assert.Null(image.GetExifProfile());
        Assert.Equal((20u, 40u), (image.Width, image.Height));
        Assert.True(_store.Exists(saved.Value!));
    }

    [Theory]
    [InlineData(MagickFormat.Png, ".png")]
    [InlineData(MagickFormat.WebP, ".webp")]
    public async Task Png_and_webp_are_accepted(MagickFormat format, string extension)
    {
        using var photo = new MagickImage(MagickColors.White, 10, 10) { Format = format };

        var saved = await _store.SaveAsync(new MemoryStream(photo.ToByteArray()));

        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.EndsWith(extension, saved.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_that_only_claims_to_be_a_photo_is_refused_and_nothing_is_written()
    {
        var script = Encoding.UTF8.GetBytes("\xFF\xD8\xFF<script>alert(1)</script>");

        var saved = await _store.SaveAsync(new MemoryStream(script));

        Assert.False(saved.Succeeded);
        Assert.Contains("JPEG, PNG atau WebP", saved.FirstError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_gif_is_refused()
    {
        using var gif = new MagickImage(MagickColors.Red, 10, 10) { Format = MagickFormat.Gif };

        var saved = await _store.SaveAsync(new MemoryStream(gif.ToByteArray()));

        Assert.Equal("Format foto harus JPEG, PNG atau WebP.", saved.FirstError);
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_without_reading_it_all()
    {
        var saved = await _store.SaveAsync(new MemoryStream(new byte[ICustomerPhotoStore.MaxBytes + 1]));

        Assert.Contains("terlalu besar", saved.FirstError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_before_its_pixels_are_decoded()
    {
        // 1.5 GB of pixels once decoded, a few hundred KB on the wire.
        var bomb = GrayPng(12_000, 12_000);
        Assert.True(bomb.Length < ICustomerPhotoStore.MaxBytes);

        var saved = await _store.SaveAsync(new MemoryStream(bomb));

        Assert.Equal("Ukuran gambar terlalu besar: maksimal 50 megapiksel dan 10000 piksel per sisi.", saved.FirstError);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_photo_within_each_side_but_over_the_pixel_budget_is_refused()
    {
        var saved = await _store.SaveAsync(new MemoryStream(GrayPng(9_000, 9_000)));

        Assert.Contains("50 megapiksel", saved.FirstError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")]
    [InlineData("push graphic-context\nviewbox 0 0 10 10\nimage over 0,0 0,0 'text:/etc/passwd'\npop graphic-context")]
    public async Task Formats_only_a_decoder_would_guess_are_refused_by_their_first_bytes(string content)
    {
        var saved = await _store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)));

        Assert.Equal("Format foto harus JPEG, PNG atau WebP.", saved.FirstError);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef.exe")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.jpg")]
    public void Names_the_store_did_not_make_never_reach_the_file_system(string name)
    {
        Assert.False(_store.Exists(name));
        Assert.Null(_store.Open(name));
    }

    /// <summary>A valid 8-bit grey PNG of zeros, built chunk by chunk so its size is not limited by this process's decoder limits.</summary>
    private static byte[] GrayPng(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        WriteChunk(png, "IHDR", header);
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (var y = 0; y < height; y++)
                zlib.Write(row);
        }
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }
}
