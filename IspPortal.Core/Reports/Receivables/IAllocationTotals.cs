using IspPortal.Core.Billing;
using IspPortal.Core.Common;

namespace IspPortal.Core.Reports.Receivables;

/// <param name="Month">The first day of the month (in the ISP's zone) the allocations were made in.</param>
/// <param name="Days">Sum over the allocations of the days from the invoice's issue date to the allocation's date.</param>
public sealed record AllocationTotal(DateOnly Month, PaymentMethod Method, decimal Amount, int Count, long Days);

/// <summary>
/// Payments allocated to invoices in a range of days, summed in the database per month and payment method
/// (Infrastructure: one SQL aggregate): a year of a large ISP is a million allocations, too many to read one by one.
/// </summary>
public interface IAllocationTotals
{
    Task<IReadOnlyList<AllocationTotal>> ForAsync(IIspDb db, DateOnly from, DateOnly to, TimeZoneInfo zone, AgingFilter filter, CancellationToken cancellationToken);
}
