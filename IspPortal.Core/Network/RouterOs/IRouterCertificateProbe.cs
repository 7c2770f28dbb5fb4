namespace IspPortal.Core.Network.RouterOs;

/// <param name="Fingerprint">SHA-256 of the certificate, upper-case hex pairs joined by ':' (as RouterOS prints it).</param>
/// <param name="TrustedByCa">Whether the system's CA store and the host name vouch for it; routers' own certificates are usually self-signed.</param>
public sealed record RouterCertificate(string Fingerprint, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool TrustedByCa);

/// <summary>Reads the certificate a router's API-SSL service presents, without trusting or logging in, so an operator can pin it.</summary>
public interface IRouterCertificateProbe
{
    /// <exception cref="RouterOsException">Unreachable, not speaking TLS, or silent within the connect timeout.</exception>
    Task<RouterCertificate> ReadAsync(string host, int port, CancellationToken cancellationToken = default);
}
