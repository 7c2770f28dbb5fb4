using IspPortal.Core.Common;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Core.Network.Routers;

/// <summary>How every use case reaches a stored router, and how it tells the operator what went wrong.</summary>
[FeatureApi]
public static class RouterAccess
{
    public static RouterEndpoint Endpoint(Router router, ISecretProtector secrets) =>
        new(router.Host, router.ApiPort, router.UseTls, router.TlsFingerprint, router.ApiUser,
            secrets.Unprotect(SecretKind.RouterPassword, router.PasswordEncrypted));

    /// <summary>What the operator should check, then the router's own words.</summary>
    public static string Explain(RouterOsException exception) => exception.Category switch
    {
        RouterOsErrorCategory.WrongCredentials => $"Login ditolak: periksa pengguna dan kata sandi API. ({exception.RouterMessage})",
        RouterOsErrorCategory.Unreachable => $"Router tidak dapat dihubungi: periksa alamat, port, layanan API dan firewall. ({exception.RouterMessage})",
        RouterOsErrorCategory.Timeout => $"Router tidak menjawab tepat waktu. ({exception.RouterMessage})",
        RouterOsErrorCategory.PermissionDenied => $"Pengguna API tidak punya izin yang cukup (perlu read, write, api). ({exception.RouterMessage})",
        _ => $"Router menolak perintah: {exception.RouterMessage}",
    };
}
