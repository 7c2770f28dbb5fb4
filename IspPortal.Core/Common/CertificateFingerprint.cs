namespace IspPortal.Core.Common;

/// <summary>A pinned server certificate (router API over TLS, private mail server), as SHA-256 of the certificate.</summary>
public static class CertificateFingerprint
{
    /// <summary>Upper-case hex without separators, or null when it is not a SHA-256 fingerprint.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var hex = text.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }
}
