using IspPortal.Core.Settings;

namespace IspPortal.Core.Common;

public sealed record CompanyProfile : ISettingsGroup<CompanyProfile>
{
    public static string Key => "company";

    public string Name { get; init; } = "ISP Saya";
    public string Address { get; init; } = "";
    public string City { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string Npwp { get; init; } = "";
    public string Website { get; init; } = "";

    public FieldErrors Validate() => new FieldErrors()
        .When(string.IsNullOrWhiteSpace(Name), nameof(Name), "Nama perusahaan wajib diisi.")
        .When(Name.Length > 120, nameof(Name), "Nama perusahaan paling banyak 120 karakter.")
        .When(Email.Length > 0 && !Email.Contains('@', StringComparison.Ordinal), nameof(Email), "Alamat email tidak valid.")
        .When(Npwp.Length > 0 && Npwp.Count(char.IsDigit) is not (15 or 16), nameof(Npwp), "NPWP harus 15 atau 16 digit.");
}
