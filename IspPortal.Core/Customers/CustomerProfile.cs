using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;

namespace IspPortal.Core.Customers;

/// <summary>The customer's own details, as the wizard, the edit form and the API send them.</summary>
public sealed record CustomerProfileInput(
    string FullName,
    string? Nik,
    DateOnly? BirthDate,
    string Phone,
    string? Email,
    string? Address,
    string? Village,
    string? District,
    string? City,
    string? Province,
    string? PostalCode,
    double? Latitude,
    double? Longitude,
    string? Notes);

/// <summary>A profile that passed <see cref="CustomerProfile.Validate"/>: trimmed, phone in E.164, birth date from the NIK.</summary>
public sealed record CustomerProfile(
    string FullName, NikFacts Nik, string Phone, string? Email, string Address, string? Village, string? District,
    string? City, string? Province, string? PostalCode, double? Latitude, double? Longitude, string? Notes)
{
    public const int FullNameMinLength = 3;
    public const int AddressMinLength = 5;
    public const int NotesMaxLength = 2000;

    /// <summary>The same rules for the wizard, the edit form and the API; messages in Indonesian keyed by input field.</summary>
    public static (CustomerProfile? Profile, FieldErrors Errors) Validate(CustomerProfileInput input, DateOnly today)
    {
        var errors = new FieldErrors().UnlessSafeText(input);
        var name = Collapse(input.FullName);
        errors.When(name.Length < FullNameMinLength, nameof(input.FullName), $"Nama lengkap wajib diisi (minimal {FullNameMinLength} huruf).")
            .When(name.Length > Customer.FullNameMaxLength, nameof(input.FullName), $"Nama lengkap maksimal {Customer.FullNameMaxLength} karakter.")
            .When(name.Length > 0 && !name.All(IsNameCharacter), nameof(input.FullName),
                "Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung.");

        var (nik, nikError) = Registration.Nik.Parse(input.Nik, today);
        if (nikError is not null)
            errors.Add(nameof(input.Nik), nikError);
        else if (input.BirthDate is { } birth && birth != nik!.BirthDate)
            errors.Add(nameof(input.BirthDate), $"Tanggal lahir tidak cocok dengan NIK (menurut NIK: {nik.BirthDate:dd-MM-yyyy}).");

        var (phone, phoneError) = IndonesianPhone.Normalise(input.Phone);
        if (phoneError is not null)
            errors.Add(nameof(input.Phone), phoneError);

        var (email, emailError) = CustomerEmail.Normalise(input.Email);
        if (emailError is not null)
            errors.Add(nameof(input.Email), emailError);

        var address = Collapse(input.Address);
        errors.When(address.Length < AddressMinLength, nameof(input.Address), $"Alamat wajib diisi (minimal {AddressMinLength} karakter).")
            .When(address.Length > Customer.AddressMaxLength, nameof(input.Address), $"Alamat maksimal {Customer.AddressMaxLength} karakter.")
            .When(address.IndexOfAny(['<', '>']) >= 0, nameof(input.Address), "Alamat tidak boleh berisi tanda < atau >.");
        foreach (var (field, value) in new[] { (nameof(input.Village), input.Village), (nameof(input.District), input.District), (nameof(input.City), input.City), (nameof(input.Province), input.Province) })
        {
            var region = Optional(value);
            errors.When(region is { Length: > Customer.RegionNameMaxLength }, field, $"Maksimal {Customer.RegionNameMaxLength} karakter.")
                .When(region is not null && region.IndexOfAny(['<', '>']) >= 0, field, "Tidak boleh berisi tanda < atau >.");
        }
        var postalCode = Optional(input.PostalCode);
        errors.When(postalCode is not null && (postalCode.Length != Customer.PostalCodeLength || !postalCode.All(char.IsAsciiDigit)),
            nameof(input.PostalCode), $"Kode pos harus {Customer.PostalCodeLength} digit angka.");

        if (input.Latitude.HasValue != input.Longitude.HasValue)
            errors.Add(nameof(input.Latitude), "Lokasi harus berisi lintang dan bujur sekaligus.");
        errors.When(input.Latitude is < -90 or > 90 || input.Latitude is double.NaN, nameof(input.Latitude), "Lintang harus antara -90 dan 90.")
            .When(input.Longitude is < -180 or > 180 || input.Longitude is double.NaN, nameof(input.Longitude), "Bujur harus antara -180 dan 180.");

        var notes = Optional(input.Notes);
        errors.When(notes is { Length: > NotesMaxLength }, nameof(input.Notes), $"Catatan maksimal {NotesMaxLength} karakter.");

        return errors.Any
            ? (null, errors)
            : (new CustomerProfile(name, nik!, phone!, email, address, Optional(input.Village), Optional(input.District), Optional(input.City),
                Optional(input.Province), postalCode, input.Latitude, input.Longitude, notes), errors);
    }

    /// <summary>Letters of any script (names like "Ni Luh Putu" or "Gusti Ayu") and the marks names carry.</summary>
    private static bool IsNameCharacter(char c) => char.IsLetter(c) || c is ' ' or '.' or ',' or '\'' or '-' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static string Collapse(string? value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
