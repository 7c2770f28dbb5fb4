using System.Buffers.Binary;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>The RouterOS API word length prefix in its five forms (ROUTEROS.md §1.1).</summary>
public static class ApiWordLength
{
    public const int MaxPrefixSize = 5;

    public static int PrefixSize(uint length) => length switch
    {
        < 0x80 => 1,
        < 0x4000 => 2,
        < 0x20_0000 => 3,
        < 0x1000_0000 => 4,
        _ => 5,
    };

    /// <summary>Writes the minimal form, as RouterOS does.</summary>
    public static int Encode(uint length, Span<byte> destination)
    {
        switch (PrefixSize(length))
        {
            case 1:
                destination[0] = (byte)length;
                return 1;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(length | 0x8000));
                return 2;
            case 3:
                var three = length | 0xC0_0000;
                destination[0] = (byte)(three >> 16);
                destination[1] = (byte)(three >> 8);
                destination[2] = (byte)three;
                return 3;
            case 4:
                BinaryPrimitives.WriteUInt32BigEndian(destination, length | 0xE000_0000);
                return 4;
            default:
                destination[0] = 0xF0;
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], length);
                return 5;
        }
    }

    /// <summary>How many prefix bytes the first byte announces. The first byte alone decides, so
    /// non-minimal forms are accepted; 0xF1–0xF7 and the control bytes ≥ 0xF8 are not.</summary>
    public static int PrefixSizeFromFirstByte(byte first) => first switch
    {
        < 0x80 => 1,
        < 0xC0 => 2,
        < 0xE0 => 3,
        < 0xF0 => 4,
        0xF0 => 5,
        _ => throw new RouterOsException(RouterOsErrorCategory.Protocol, $"Unsupported word length prefix 0x{first:X2}."),
    };

    public static uint Decode(ReadOnlySpan<byte> prefix) => PrefixSizeFromFirstByte(prefix[0]) switch
    {
        1 => prefix[0],
        2 => (uint)(((prefix[0] & 0x3F) << 8) | prefix[1]),
        3 => (uint)(((prefix[0] & 0x1F) << 16) | (prefix[1] << 8) | prefix[2]),
        4 => (uint)(((prefix[0] & 0x0F) << 24) | (prefix[1] << 16) | (prefix[2] << 8) | prefix[3]),
        _ => BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]),
    };
}
