using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Routers;

/// <param name="Password">The API password in clear; null or empty on edit keeps the stored one.</param>
public sealed record RouterInput(
    int? Id,
    string Code,
    string Name,
    int LocationCodeId,
    string? Location,
    string Host,
    int ApiPort,
    bool UseTls,
    string? TlsFingerprint,
    string ApiUser,
    string? Password,
    IsolationMethod IsolationMethod,
    string? IsolationProfile,
    string? IsolationAddressList,
    string? Notes,
    bool IsActive = true,
    double? Latitude = null,
    double? Longitude = null,
    string? UplinkInterface = null,
    int? UplinkCapacityMbps = null);

public sealed partial class SaveRouter(IIspDbFactory dbs, ISecretProtector secrets, SaveGuard guard, TimeProvider clock)
{
    public const string CodeUniqueIndex = "ux_routers_code";

    public async Task<Outcome<Router>> ExecuteAsync(RouterInput input, CancellationToken cancellationToken = default)
    {
        var code = Router.NormalizeCode(input.Code);
        var host = input.Host.Trim();
        var fingerprint = CertificateFingerprint.Normalize(input.TlsFingerprint);
        var profile = Blank(input.IsolationProfile);
        var addressList = Blank(input.IsolationAddressList) ?? Router.DefaultIsolationAddressList;
        var errors = new FieldErrors()
            .When(!CodeFormat().IsMatch(code), nameof(input.Code), "Kode router 2–8 huruf besar, misalnya CKP atau MLGT.")
            .When(input.Name.Trim().Length is 0 or > Router.NameMaxLength, nameof(input.Name), $"Nama router wajib diisi (maks. {Router.NameMaxLength} karakter).")
            .When(!IsHost(host), nameof(input.Host), "Alamat router harus IP atau nama host yang valid.")
            .When(input.ApiPort is < 1 or > 65535, nameof(input.ApiPort), "Port API harus 1–65535 (biasanya 8728, atau 8729 untuk TLS).")
            .When(input.ApiUser.Trim().Length is 0 or > Router.ApiUserMaxLength, nameof(input.ApiUser), "Pengguna API wajib diisi.")
            .When(input.Id is null && string.IsNullOrEmpty(input.Password), nameof(input.Password), "Kata sandi API wajib diisi untuk router baru.")
            .When(input.TlsFingerprint is { Length: > 0 } && fingerprint is null, nameof(input.TlsFingerprint), "Sidik jari TLS harus SHA-256: 64 digit heksadesimal (boleh dengan ':').")
            .When(input.IsolationMethod == IsolationMethod.Profile && profile is null, nameof(input.IsolationProfile), "Metode isolir profil memerlukan nama profil isolir.")
            .When(profile?.Length > Router.ProfileMaxLength, nameof(input.IsolationProfile), $"Nama profil paling banyak {Router.ProfileMaxLength} karakter.")
            .When(addressList.Length > Router.ProfileMaxLength, nameof(input.IsolationAddressList), $"Nama address list paling banyak {Router.ProfileMaxLength} karakter.")
            .When(Blank(input.UplinkInterface) is { } uplink && (uplink.Length > Router.InterfaceMaxLength || uplink.Any(c => char.IsWhiteSpace(c) || c is '<' or '>')),
                nameof(input.UplinkInterface), "Nama interface uplink tidak valid (contoh: ether1, sfp-sfpplus1).")
            .When(input.UplinkCapacityMbps is < Router.MinUplinkCapacityMbps or > Router.MaxUplinkCapacityMbps, nameof(input.UplinkCapacityMbps),
                "Kapasitas uplink harus 1–400.000 Mbps, atau dikosongkan.")
            .When(input.Latitude.HasValue != input.Longitude.HasValue, nameof(input.Latitude), "Lokasi router harus berisi lintang dan bujur sekaligus.")
            .When(input.Latitude is < -90 or > 90, nameof(input.Latitude), "Lintang harus antara -90 dan 90.")
            .When(input.Longitude is < -180 or > 180, nameof(input.Longitude), "Bujur harus antara -180 dan 180.");
        if (errors.Any)
            return Outcome.Refused<Router>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        if (!await db.LocationCodes.AnyAsync(l => l.Id == input.LocationCodeId && l.IsActive, cancellationToken))
            return Outcome.Refused<Router>(nameof(input.LocationCodeId), "Pilih kode lokasi yang aktif.");

        var now = clock.GetUtcNow();
        Router? router;
        if (input.Id is { } id)
        {
            router = await db.Routers.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (router is null)
                return Outcome.Refused<Router>("", "Router tidak ditemukan; mungkin sudah dihapus.");
        }
        else
        {
            router = new Router(code, input.Name.Trim(), input.LocationCodeId, host, input.ApiPort, input.ApiUser.Trim(), "", now);
            db.Routers.Add(router);
        }

        router.Code = code;
        router.Name = input.Name.Trim();
        router.LocationCodeId = input.LocationCodeId;
        router.Location = Blank(input.Location);
        router.Host = host;
        router.ApiPort = input.ApiPort;
        router.UseTls = input.UseTls;
        router.TlsFingerprint = fingerprint;
        router.ApiUser = input.ApiUser.Trim();
        if (!string.IsNullOrEmpty(input.Password))
            router.PasswordEncrypted = secrets.Protect(SecretKind.RouterPassword, input.Password);
        router.IsolationMethod = input.IsolationMethod;
        router.IsolationProfile = profile;
        router.IsolationAddressList = addressList;
        router.Notes = Blank(input.Notes);
        router.SetActive(input.IsActive);
        (router.Latitude, router.Longitude) = (input.Latitude, input.Longitude);
        router.UplinkInterface = Blank(input.UplinkInterface);
        router.UplinkCapacityMbps = input.UplinkCapacityMbps;
        router.MarkEdited(now);

        return await guard.SaveAsync(db, router, new Dictionary<string, (string, string)>
        {
            [CodeUniqueIndex] = (nameof(input.Code), $"Kode router {code} sudah dipakai."),
        }, cancellationToken: cancellationToken);
    }

    internal static bool IsHost(string host) =>
        host.Length is > 0 and <= Router.HostMaxLength
        && (System.Net.IPAddress.TryParse(host, out _) || Uri.CheckHostName(host) == UriHostNameType.Dns);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Z]{2,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeFormat();
}
