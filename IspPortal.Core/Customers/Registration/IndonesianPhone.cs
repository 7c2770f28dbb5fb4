using IspPortal.Core.Common;

namespace IspPortal.Core.Customers.Registration;

/// <summary>
/// WhatsApp numbers as agents type them (<c>0812…</c>, <c>62812…</c>, <c>+62 812-…</c>), stored as
/// E.164 (<c>+62812…</c>). Only Indonesian mobile numbers: WhatsApp needs a mobile line.
/// </summary>
[FeatureApi]
public static class IndonesianPhone
{
    public const string CountryCode = "62";

    /// <summary>Mobile national numbers are 8 followed by 8 to 11 digits (e.g. 812-3456-7890).</summary>
    public const int MinNationalDigits = 9;
    public const int MaxNationalDigits = 12;

    /// <returns>The E.164 number, or the reason (Indonesian) it is not a mobile number.</returns>
    public static (string? E164, string? Error) Normalise(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length == 0)
            return (null, "Nomor WhatsApp wajib diisi.");
        var plus = text.StartsWith('+');
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')') && c != '+').ToArray());
        if (!digits.All(char.IsAsciiDigit) || text.LastIndexOf('+') > 0)
            return (null, "Nomor WhatsApp hanya boleh berisi angka, spasi, tanda hubung dan + di depan.");

        string national;
        if (digits.StartsWith(CountryCode, StringComparison.Ordinal))
            national = digits[CountryCode.Length..];
        else if (!plus && digits.StartsWith('0'))
            national = digits[1..];
        else
            return (null, "Nomor WhatsApp harus nomor Indonesia: awali dengan 08, 628 atau +628.");

        if (!national.StartsWith('8'))
            return (null, "Nomor WhatsApp harus nomor seluler (08…); nomor telepon rumah tidak bisa menerima WhatsApp.");
        if (national.Length is < MinNationalDigits or > MaxNationalDigits)
            return (null, $"Nomor WhatsApp terlalu {(national.Length < MinNationalDigits ? "pendek" : "panjang")}: nomor seluler Indonesia 10–13 digit termasuk 0 di depan.");
        return ("+" + CountryCode + national, null);
    }

    /// <summary>For display: +62 812-3456-7890.</summary>
    public static string Format(string e164) =>
        e164.StartsWith("+62", StringComparison.Ordinal) && e164.Length > 7
            ? $"+62 {e164[3..6]}-{e164[6..Math.Min(10, e164.Length)]}{(e164.Length > 10 ? "-" + e164[10..] : "")}"
            : e164;
}
