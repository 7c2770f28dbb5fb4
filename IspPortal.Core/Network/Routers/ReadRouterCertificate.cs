using IspPortal.Core.Common;
using IspPortal.Core.Network.RouterOs;

namespace IspPortal.Core.Network.Routers;

/// <summary>
/// "Ambil sidik jari" in the router dialog: the certificate the router's api-ssl service presents,
/// for the operator to compare with the router's own <c>/certificate print</c> and pin. Pinning is
/// what makes a router's self-signed certificate trustworthy; reading it is trust on first use,
/// which is why the operator sees the subject and validity and confirms.
/// </summary>
public sealed class ReadRouterCertificate(IRouterCertificateProbe probe)
{
    public async Task<Outcome<RouterCertificate>> ExecuteAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        host = host.Trim();
        var errors = new FieldErrors()
            .When(!SaveRouter.IsHost(host), nameof(RouterInput.Host), "Alamat router harus IP atau nama host yang valid.")
            .When(port is < 1 or > 65535, nameof(RouterInput.ApiPort), "Port API harus 1–65535 (biasanya 8729 untuk TLS).");
        if (errors.Any)
            return Outcome.Refused<RouterCertificate>(errors);
        try
        {
            return Outcome.Done(await probe.ReadAsync(host, port, cancellationToken));
        }
        catch (RouterOsException exception) when (exception.Category == RouterOsErrorCategory.Timeout)
        {
            return Outcome.Refused<RouterCertificate>(nameof(RouterInput.TlsFingerprint), $"Router {host}:{port} tidak menjawab dengan TLS tepat waktu: pastikan layanan api-ssl aktif di router dengan sertifikat, dan port-nya benar.");
        }
        catch (RouterOsException)
        {
            return Outcome.Refused<RouterCertificate>(nameof(RouterInput.TlsFingerprint),
                $"Tidak ada sertifikat TLS di {host}:{port}: pastikan layanan api-ssl aktif di router dengan sertifikat, dan port-nya benar.");
        }
    }
}
