using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IspPortal.Core.Network.RouterOs;
using Microsoft.Extensions.Options;

namespace IspPortal.Infrastructure.Network.RouterOs;

public sealed class RouterCertificateProbe(IOptions<RouterOsOptions> options, TimeProvider time) : IRouterCertificateProbe
{
    public async Task<RouterCertificate> ReadAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.ConnectTimeout;
        using var connectTimeout = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
        RouterCertificate? presented = null;
        try
        {
            using var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(host, port, linked.Token);
            // The certificate is only read, never trusted: refusing it ends the handshake before a word is sent.
            await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, errors) =>
            {
                if (certificate is not null)
                    presented = Describe(certificate, errors == SslPolicyErrors.None);
                return false;
            });
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, linked.Token);
        }
        catch (AuthenticationException) when (presented is not null)
        {
        }
        catch (OperationCanceledException error) when (connectTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RouterOsException(RouterOsErrorCategory.Timeout, $"{host}:{port} did not answer within {timeout.TotalSeconds:0.#} s.", null, error);
        }
        catch (Exception error) when (error is SocketException or IOException or AuthenticationException)
        {
            throw new RouterOsException(RouterOsErrorCategory.Unreachable, $"No TLS certificate from {host}:{port}: {error.Message}", null, error);
        }
        return presented ?? throw new RouterOsException(RouterOsErrorCategory.Unreachable, $"{host}:{port} presented no certificate.");
    }

    private static RouterCertificate Describe(X509Certificate certificate, bool trustedByCa)
    {
        using var parsed = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var fingerprint = string.Join(':', Convert.ToHexString(SHA256.HashData(parsed.RawData)).Chunk(2).Select(pair => new string(pair)));
        return new RouterCertificate(fingerprint, parsed.Subject, parsed.NotBefore.ToUniversalTime(), parsed.NotAfter.ToUniversalTime(), trustedByCa);
    }
}
