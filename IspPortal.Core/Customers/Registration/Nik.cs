using System.Globalization;

namespace IspPortal.Core.Customers.Registration;

/// <summary>What a valid NIK tells about its holder.</summary>
public sealed record NikFacts(string Value, string ProvinceCode, string Province, DateOnly BirthDate, bool Female);

/// <summary>
/// The Indonesian national identity number: 16 digits = province (2), regency (2), district (2),
/// birth date DDMMYY with 40 added to the day for women, and a 4-digit serial.
/// </summary>
public static class Nik
{
    public const int Length = 16;

    /// <summary>A KTP is issued from this age; the birth year's century is the one that makes the holder at least this old.</summary>
    public const int KtpAge = 17;

    /// <summary>Kemendagri province codes, including the Papua provinces formed in 2022.</summary>
    public static readonly IReadOnlyDictionary<string, string> Provinces = new Dictionary<string, string>
    {
        ["11"] = "Aceh", ["12"] = "Sumatera Utara", ["13"] = "Sumatera Barat", ["14"] = "Riau", ["15"] = "Jambi",
        ["16"] = "Sumatera Selatan", ["17"] = "Bengkulu", ["18"] = "Lampung", ["19"] = "Kepulauan Bangka Belitung",
        ["21"] = "Kepulauan Riau", ["31"] = "DKI Jakarta", ["32"] = "Jawa Barat", ["33"] = "Jawa Tengah",
        ["34"] = "DI Yogyakarta", ["35"] = "Jawa Timur", ["36"] = "Banten", ["51"] = "Bali",
        ["52"] = "Nusa Tenggara Barat", ["53"] = "Nusa Tenggara Timur", ["61"] = "Kalimantan Barat",
        ["62"] = "Kalimantan Tengah", ["63"] = "Kalimantan Selatan", ["64"] = "Kalimantan Timur",
        ["65"] = "Kalimantan Utara", ["71"] = "Sulawesi Utara", ["72"] = "Sulawesi Tengah",
        ["73"] = "Sulawesi Selatan", ["74"] = "Sulawesi Tenggara", ["75"] = "Gorontalo", ["76"] = "Sulawesi Barat",
        ["81"] = "Maluku", ["82"] = "Maluku Utara", ["91"] = "Papua", ["92"] = "Papua Barat",
        ["93"] = "Papua Selatan", ["94"] = "Papua Tengah", ["95"] = "Papua Pegunungan", ["96"] = "Papua Barat Daya",
    };

    /// <summary>Spaces, dots and dashes people type between groups are ignored.</summary>
    public static string Clean(string? input) =>
        new((input ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).ToArray());

    /// <returns>The facts, or the reason (Indonesian) the number cannot be a NIK.</returns>
    public static (NikFacts? Facts, string? Error) Parse(string? input, DateOnly today)
    {
        var nik = Clean(input);
        if (nik.Length == 0)
            return (null, "NIK wajib diisi.");
        if (!nik.All(char.IsAsciiDigit))
            return (null, "NIK hanya boleh berisi angka.");
        if (nik.Length != Length)
            return (null, $"NIK harus {Length} digit; yang diisi {nik.Length} digit.");
        var provinceCode = nik[..2];
        if (!Provinces.TryGetValue(provinceCode, out var province))
            return (null, $"Kode provinsi {provinceCode} pada NIK (2 digit pertama) tidak dikenal.");

        var day = Number(nik, 6);
        var month = Number(nik, 8);
        var year = Number(nik, 10);
        var female = day > 40;
        var dayOfMonth = female ? day - 40 : day;
        if (day is < 1 or > 71 || dayOfMonth > 31)
            return (null, $"Tanggal lahir pada NIK (digit 7–8 = {nik.Substring(6, 2)}) tidak mungkin: 01–31 untuk laki-laki, 41–71 untuk perempuan.");
        if (month is < 1 or > 12)
            return (null, $"Bulan lahir pada NIK (digit 9–10 = {nik.Substring(8, 2)}) tidak mungkin: harus 01–12.");
        var fullYear = 2000 + year;
        if (!DateOnly.TryParseExact($"{dayOfMonth:00}-{month:00}-{fullYear}", "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.AddYears(KtpAge) > today)
        {
            fullYear = 1900 + year;
        }
        if (!DateOnly.TryParseExact($"{dayOfMonth:00}-{month:00}-{fullYear}", "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out birth))
            return (null, $"Tanggal lahir pada NIK ({dayOfMonth:00}-{month:00}-{year:00}) tidak ada di kalender.");
        if (nik[12..] == "0000")
            return (null, "Nomor urut NIK (4 digit terakhir) tidak boleh 0000.");
        return (new NikFacts(nik, provinceCode, province, birth, female), null);
    }

    private static int Number(string nik, int start) => (nik[start] - '0') * 10 + (nik[start + 1] - '0');
}
