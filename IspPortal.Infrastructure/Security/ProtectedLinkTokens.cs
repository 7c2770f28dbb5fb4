using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace IspPortal.Infrastructure.Security;

/// <summary>
/// A value (an invoice or ticket number) turned into a URL-safe token with the portal's Data
/// Protection keys (in the database, so every instance reads every link). Keys retire but stay able
/// to read, so a link in an old WhatsApp message keeps working. One purpose per kind of link, so a
/// payment token is never accepted as a ticket token.
/// </summary>
public sealed class ProtectedLinkTokens(IDataProtectionProvider provider, string purpose)
{
    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    public string Protect(string value) => WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(value)));

    /// <returns>Null for a token these keys and this purpose did not make.</returns>
    public string? Unprotect(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
