using System.Security.Cryptography;
using IspPortal.Core.Billing.Payments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace IspPortal.Infrastructure.Billing;

/// <summary>
/// Payment links <c>{PublicUrl}/bayar/{token}</c>, the token being the invoice number protected with
/// the portal's Data Protection keys (in the database, so every instance reads every link). Keys
/// retire but stay able to read, so a link in an old WhatsApp message keeps working.
/// </summary>
public sealed class PaymentLinks(IDataProtectionProvider provider, string publicUrl) : IPaymentLinks
{
    public const string PublicUrlKey = "Portal:PublicUrl";
    public const string DefaultPublicUrl = "http://localhost:5000";
    public const string PagePath = "/bayar";

    private readonly IDataProtector _protector = provider.CreateProtector("IspPortal.Billing.PaymentLink.v1");
    private readonly string _baseUrl = publicUrl.TrimEnd('/');

    public string For(string invoiceNumber) =>
        $"{_baseUrl}{PagePath}/{WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(invoiceNumber)))}";

    public string? InvoiceNumberOf(string token)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
