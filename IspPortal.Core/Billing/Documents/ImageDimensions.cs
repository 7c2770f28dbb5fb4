using System.Buffers.Binary;

namespace IspPortal.Core.Billing.Documents;

/// <summary>
/// The width and height a PNG or JPEG declares in its header, read without decoding: the logo is
/// decoded into every PDF, so a small file declaring a huge picture must be refused before that.
/// </summary>
public static class ImageDimensions
{
    /// <returns>Null when the header cannot be read (not a PNG or JPEG, or cut short).</returns>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> image)
    {
        if (image.Length >= 24 && image[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
            && image[12..16].SequenceEqual("IHDR"u8))
            return (BinaryPrimitives.ReadInt32BigEndian(image[16..]), BinaryPrimitives.ReadInt32BigEndian(image[20..]));
        return image.Length >= 4 && image[0] == 0xFF && image[1] == 0xD8 ? JpegFrame(image) : null;
    }

    private static (int Width, int Height)? JpegFrame(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 9 < image.Length)
        {
            if (image[at] != 0xFF)
                return null;
            var marker = image[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]));
            if (length < 2)
                return null;
            at += 2 + length;
        }
        return null;
    }
}
