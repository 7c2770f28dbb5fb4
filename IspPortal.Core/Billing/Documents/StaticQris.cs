using System.Globalization;

namespace IspPortal.Core.Billing.Documents;

/// <summary>
/// The EMVCo merchant-presented payload printed on an ISP's QRIS sticker: tag-length-value fields
/// (two-digit tag, two-digit length), starting with the format indicator <c>000201</c> and ending
/// with tag 63, a CRC-16/CCITT-FALSE over everything before its four hex digits. A payload typed
/// or pasted with one character wrong fails the CRC, and a bank app would refuse the printed code.
/// </summary>
public static class StaticQris
{
    public const string FormatIndicator = "000201";
    public const string CrcTag = "6304";
    public const int MaxLength = 512;

    /// <summary>Why <paramref name="payload"/> is not a usable QRIS payload (in Indonesian), or null when it is.</summary>
    public static string? Problem(string payload)
    {
        if (!payload.StartsWith(FormatIndicator, StringComparison.Ordinal))
            return "Payload QRIS harus diawali 000201.";
        if (payload.Length > MaxLength)
            return $"Payload QRIS paling banyak {MaxLength} karakter.";
        if (!IsWellFormed(payload))
            return "Payload QRIS tidak sesuai format EMVCo (tag, panjang, isi) atau tidak diakhiri tag 63 (CRC).";
        var expected = Crc(payload[..^4]);
        return string.Equals(payload[^4..], expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"CRC payload QRIS salah: tertulis {payload[^4..]}, seharusnya {expected}. Salin ulang dari stiker QRIS.";
    }

    /// <summary>CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF) as four upper-case hex digits.</summary>
    public static string Crc(string data)
    {
        ushort crc = 0xFFFF;
        foreach (var ch in data)
        {
            crc ^= (ushort)((byte)ch << 8);
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static bool IsWellFormed(string payload)
    {
        if (payload.Any(c => c is < ' ' or > '~'))
            return false;
        var position = 0;
        while (position < payload.Length)
        {
            if (position + 4 > payload.Length
                || !int.TryParse(payload.AsSpan(position, 2), NumberStyles.None, CultureInfo.InvariantCulture, out _)
                || !int.TryParse(payload.AsSpan(position + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                return false;
            var isCrc = payload.AsSpan(position, 4).SequenceEqual(CrcTag);
            position += 4 + length;
            if (isCrc)
                return position == payload.Length;
        }
        return false;
    }
}
