using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IspPortal.Infrastructure.Security;

public static class CertificatePinning
{
    /// <summary>A pinned fingerprint is the whole trust decision (routers and private mail servers use
    /// self-signed certificates); without one the system's chain and name validation decides.</summary>
    public static bool IsTrusted(string? pinnedFingerprint, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (string.IsNullOrWhiteSpace(pinnedFingerprint))
            return errors == SslPolicyErrors.None;
        if (certificate is null)
            return false;
        var hex = new string(pinnedFingerprint.Where(char.IsAsciiHexDigit).ToArray());
        if (hex.Length != 64)
            return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), Convert.FromHexString(hex));
    }
}
