using System.Globalization;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// Where an entry's source document is shown, so every journal line drills to it: invoices (and
/// their voids and credit notes) to the invoice, customer money to the customer's billing, the
/// finance documents to their own pages (<c>/finance/expenses/{id}</c>, <c>/finance/assets/{id}</c>...).
/// </summary>
public static class JournalLinks
{
    /// <param name="customerCode">The customer the entry's lines carry, for payments and allocations.</param>
    /// <param name="creditNoteInvoiceId">The invoice a credit note was issued against.</param>
    /// <returns>A path in the portal, or null when the source has no page (manual entries, year close).</returns>
    public static string? For(JournalSource source, string key, string? customerCode = null, int? creditNoteInvoiceId = null) => source switch
    {
        JournalSource.Invoice or JournalSource.InvoiceVoid => $"/billing/invoices/{Escape(key)}",
        JournalSource.CreditNote => creditNoteInvoiceId is { } invoice ? $"/billing/invoices/{invoice}" : "/billing/invoices",
        JournalSource.Payment or JournalSource.Allocation => customerCode is null ? "/billing/payments" : $"/customers/{Escape(customerCode)}",
        JournalSource.Expense or JournalSource.ExpensePayment => $"/finance/expenses/{Escape(Document(key))}",
        JournalSource.Income => $"/finance/income/{Escape(Document(key))}",
        // An asset's entries are keyed per occasion (12:2026-11 for its November depreciation).
        JournalSource.AssetPurchase or JournalSource.Depreciation or JournalSource.AssetDisposal => $"/finance/assets/{Escape(Document(key))}",
        JournalSource.Investment => $"/finance/investments/{Escape(Document(key))}",
        _ => null,
    };

    /// <summary>A numeric source key as the document id it names, else null.</summary>
    public static long? IdOf(string key) => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Document(string key) => key.Split(':')[0];

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
