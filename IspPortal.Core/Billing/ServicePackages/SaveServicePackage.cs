using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.ServicePackages;

public sealed record ServicePackageInput(
    int? Id,
    string Code,
    string Name,
    int DownloadMbps,
    int UploadMbps,
    string MikrotikProfile,
    decimal MonthlyPrice,
    bool IsTaxable,
    string? Description,
    bool IsActive = true,
    decimal? InstallationFee = null);

public sealed partial class SaveServicePackage(IIspDbFactory dbs, SaveGuard guard, TimeProvider clock)
{
    public const string CodeUniqueIndex = "ix_service_packages_code";
    public const int MaxMbps = 100_000;
    public const decimal MaxMonthlyPrice = 1_000_000_000m;

    public async Task<Outcome<ServicePackage>> ExecuteAsync(ServicePackageInput input, CancellationToken cancellationToken = default)
    {
        var code = input.Code.Trim().ToUpperInvariant();
        var name = input.Name.Trim();
        var profile = input.MikrotikProfile.Trim();
        var errors = new FieldErrors()
            .When(input.Description?.Trim().Length > ServicePackage.DescriptionMaxLength, nameof(input.Description), $"Deskripsi paket paling banyak {ServicePackage.DescriptionMaxLength} karakter.")
            .When(!CodeFormat().IsMatch(code), nameof(input.Code), "Kode paket 2–20 karakter: huruf besar, angka, '-' atau '_'.")
            .When(name.Length == 0, nameof(input.Name), "Nama paket wajib diisi.")
            .When(name.Length > ServicePackage.NameMaxLength, nameof(input.Name), $"Nama paket paling banyak {ServicePackage.NameMaxLength} karakter.")
            .When(input.DownloadMbps is < 1 or > MaxMbps, nameof(input.DownloadMbps), $"Kecepatan unduh harus 1–{MaxMbps} Mbps.")
            .When(input.UploadMbps is < 1 or > MaxMbps, nameof(input.UploadMbps), $"Kecepatan unggah harus 1–{MaxMbps} Mbps.")
            .When(!ProfileFormat().IsMatch(profile), nameof(input.MikrotikProfile), "Nama profil MikroTik wajib diisi (tanpa spasi di awal/akhir, maks. 64 karakter).")
            .When(input.MonthlyPrice is < 0 or > MaxMonthlyPrice, nameof(input.MonthlyPrice), "Harga bulanan harus antara Rp 0 dan Rp 1.000.000.000.")
            .When(decimal.Round(input.MonthlyPrice, 2) != input.MonthlyPrice, nameof(input.MonthlyPrice), "Harga bulanan paling banyak dua angka desimal.")
            .When(input.InstallationFee is { } fee && (fee is < 0 or > MaxMonthlyPrice || decimal.Round(fee, 2) != fee), nameof(input.InstallationFee),
                "Biaya instalasi harus antara Rp 0 dan Rp 1.000.000.000, paling banyak dua angka desimal.");
        if (errors.Any)
            return Outcome.Refused<ServicePackage>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        ServicePackage? package;
        if (input.Id is { } id)
        {
            package = await db.ServicePackages.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (package is null)
                return Outcome.Refused<ServicePackage>("", "Paket tidak ditemukan; mungkin sudah dihapus.");
        }
        else
        {
            package = new ServicePackage { CreatedAt = clock.GetUtcNow() };
            db.ServicePackages.Add(package);
        }

        package.Code = code;
        package.Name = name;
        package.DownloadMbps = input.DownloadMbps;
        package.UploadMbps = input.UploadMbps;
        package.MikrotikProfile = profile;
        package.MonthlyPrice = input.MonthlyPrice;
        package.IsTaxable = input.IsTaxable;
        package.InstallationFee = input.InstallationFee;
        package.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        package.IsActive = input.IsActive;

        return await guard.SaveAsync(db, package, new Dictionary<string, (string, string)>
        {
            [CodeUniqueIndex] = (nameof(input.Code), $"Kode paket {code} sudah dipakai."),
        }, cancellationToken: cancellationToken);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{1,19}$")]
    private static partial Regex CodeFormat();

    [GeneratedRegex(@"^\S(.{0,62}\S)?$")]
    private static partial Regex ProfileFormat();
}
