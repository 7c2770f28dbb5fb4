namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// The customer's link to pay an invoice (the <c>{link_bayar}</c> of the billing messages): a public
/// page that needs no sign-in, so the link carries a token nobody can guess or change into
/// another invoice's.
/// </summary>
public interface IPaymentLinks
{
    string For(string invoiceNumber);

    /// <returns>The invoice number the token was made for; null for a token this portal did not make.</returns>
    string? InvoiceNumberOf(string token);
}
