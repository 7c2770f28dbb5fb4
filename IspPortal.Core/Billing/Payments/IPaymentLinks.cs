using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// The customer's link to pay an invoice (the <c>{link_bayar}</c> of the billing messages): a public
/// page that needs no sign-in, so the link carries a token nobody can guess or change into
/// another invoice's.
/// </summary>
public interface IPaymentLinks
{
    /// <param name="version">The invoice's <see cref="Invoice.PayLinkVersion"/>: a link made for an older one is revoked.</param>
    string For(string invoiceNumber, int version);

    /// <returns>The invoice and link version the token was made for; null for a token this portal did not make.</returns>
    LinkTarget? Read(string token);
}
