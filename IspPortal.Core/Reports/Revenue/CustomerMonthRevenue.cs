using IspPortal.Core.Common;

namespace IspPortal.Core.Reports.Revenue;

/// <summary>
/// A customer's recurring revenue for one invoice period (table <c>customer_month_revenues</c>), kept by the database as invoices and
/// invoice lines are written, whoever writes them: the row of every (customer, period) an insert, update or delete touches is computed
/// again from the customer's non-void invoice of that period (one at most) and its lines. The revenue reports read months of these rows
/// instead of every invoice line (<see cref="MrrMovement"/> defines the MRR). Computing the row again also sets the next month's
/// <see cref="PreviousMrr"/> (adding that month's row, empty, when the customer paid this month).
/// </summary>
[NotAudited]
public class CustomerMonthRevenue
{
    private CustomerMonthRevenue() { }

    public int CustomerId { get; private set; }

    /// <summary>The invoice period (first day of the month).</summary>
    public DateOnly Month { get; private set; }

    /// <summary>The Subscription lines per month (<c>round(amount / quantity, 2)</c>), summed; zero when the invoice is void or gone.</summary>
    public decimal Subscription { get; private set; }

    /// <summary>The Discount lines, summed.</summary>
    public decimal Discount { get; private set; }

    /// <summary>Subscription less Discount, never below zero (computed by the database).</summary>
    public decimal Mrr { get; private set; }

    /// <summary>
    /// The same customer's MRR the month before, kept with it: the movement reads only the rows whose MRR changed (new, reactivated,
    /// expansion, contraction, and churned: a row with no MRR after a paying month is kept for the churn).
    /// </summary>
    public decimal PreviousMrr { get; private set; }

    /// <summary>The package of the largest Subscription line (the first on a tie), for the package mix.</summary>
    public int? PackageId { get; private set; }
}
