using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace IspPortal.Infrastructure.Billing;

/// <summary>Payment links <c>{PublicUrl}/bayar/{token}</c>, the token being the protected invoice number and link version.</summary>
public sealed class PaymentLinks(IDataProtectionProvider provider, string publicUrl) : IPaymentLinks
{
    public const string PagePath = "/bayar";

    private readonly ProtectedLinkTokens _tokens = new(provider, "IspPortal.Billing.PaymentLink.v1");
    private readonly string _baseUrl = publicUrl.TrimEnd('/');

    public string For(string invoiceNumber, int version) => $"{_baseUrl}{PagePath}/{_tokens.Protect(new LinkTarget(invoiceNumber, version))}";

    public LinkTarget? Read(string token) => _tokens.Unprotect(token);
}
