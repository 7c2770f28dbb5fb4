using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Revenue;

/// <summary>
/// Customers per month: active at the start, new, reactivated and churned by MRR (definitions on <see cref="MrrMovement"/>),
/// churn rate = churned in M ÷ active at the end of M−1, net growth = new + reactivated − churned; beside them the
/// lifecycle's counts: registered in M ("baru", by the customer's registration day) and terminated in M ("berhenti", a
/// Lifecycle entry of customer_status_logs to Terminated), days in the ISP's time zone.
/// <para>
/// Cohort retention: one row per registration month in the range, one column per month since (0–11): the share of the
/// cohort with MRR in that month. Month 0 is low when first months are prorated or given away (they are not MRR).
/// </para>
/// Same permissions and filters as <see cref="MrrMovement"/>.
/// </summary>
public sealed class CustomerChurn(IIspDbFactory dbs, IRevenueQueries queries, ICurrentUser currentUser, IspClock clock)
{
    public const int CohortMonths = 12;

    public async Task<Outcome<ChurnView>> ForAsync(MonthRange range, RevenueFilter filter, CancellationToken cancellationToken = default)
    {
        if (await RevenueChecks.RefuseAsync(currentUser, dbs, range, filter, cancellationToken) is { } problems)
            return Outcome.Refused<ChurnView>(problems);

        var zone = await clock.ZoneAsync(cancellationToken);
        var bounds = range.Bounds(zone);
        var movement = await queries.MovementAsync(range, bounds, filter, cancellationToken);
        var cells = await queries.CohortsAsync(range, bounds, CohortMonths, filter, cancellationToken);

        var months = movement.Select(m => new ChurnMonth(
                m.Month, m.ActiveStart, m.NewCustomers, m.ReactivatedCustomers, m.ChurnedCustomers,
                m.ActiveStart == 0 ? null : RevenueChecks.Ratio(m.ChurnedCustomers, m.ActiveStart),
                m.NewCustomers + m.ReactivatedCustomers - m.ChurnedCustomers, m.Active, m.Registered, m.Terminated))
            .ToList();

        var cohorts = cells.GroupBy(c => c.Cohort)
            .Select(g =>
            {
                var size = g.Where(c => c.MonthsSince < 0).Sum(c => c.Customers);
                var retention = Enumerable.Range(0, CohortMonths)
                    .Select(k => g.Key.AddMonths(k) > range.To ? (decimal?)null
                        : RevenueChecks.Ratio(g.Where(c => c.MonthsSince == k).Sum(c => c.Customers), size))
                    .ToList();
                return new CohortRow(g.Key, size, retention);
            })
            .Where(c => c.Size > 0)
            .OrderBy(c => c.Cohort)
            .ToList();
        return Outcome.Done(new ChurnView(range.From, range.To, months, cohorts));
    }
}
