using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>
/// Stores new invoices with their lines in <paramref name="db"/>'s open transaction, set-based:
/// a monthly run writes thousands at once, which row-by-row saving (and a per-row audit entry) made
/// slow. The run's <see cref="BillingRun"/> row is the record of who created them.
/// </summary>
public interface IInvoiceWriter
{
    /// <returns>Each new invoice's id by its number.</returns>
    Task<IReadOnlyDictionary<string, int>> InsertAsync(IIspDb db, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken = default);
}
