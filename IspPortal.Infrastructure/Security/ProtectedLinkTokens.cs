using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IspPortal.Core.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace IspPortal.Infrastructure.Security;

/// <summary>
/// A document number and link version (<see cref="LinkTarget"/>) turned into a URL-safe token with
/// the portal's Data Protection keys (in the database, so every instance reads every link). Keys
/// retire but stay able to read, so a link in an old WhatsApp message keeps working until its
/// document revokes or outlives it. One purpose per kind of link, so a payment token is never
/// accepted as a ticket token.
/// </summary>
public sealed class ProtectedLinkTokens(IDataProtectionProvider provider, string purpose)
{
    // Version 0 protects the bare number, as links made before versions existed did, so those still
    // read as version 0. A later version follows a line break, which no document number can hold.
    private const char VersionSeparator = '\n';

    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    public string Protect(LinkTarget target)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(target.Version);
        var payload = target.Version == 0 ? target.Number : $"{target.Number}{VersionSeparator}{target.Version.ToString(CultureInfo.InvariantCulture)}";
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <returns>Null for a token these keys and this purpose did not make.</returns>
    public LinkTarget? Unprotect(string token)
    {
        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
        var separator = payload.IndexOf(VersionSeparator, StringComparison.Ordinal);
        if (separator < 0)
            return new LinkTarget(payload, 0);
        return int.TryParse(payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new LinkTarget(payload[..separator], version)
            : null;
    }
}
