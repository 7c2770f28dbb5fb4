using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Revenue;

/// <summary>
/// Monthly recurring revenue and its movement per month, ARPU, and the package mix (also per location and router).
/// Needs reports.read and billing.read (it reads the invoices; no ledger account).
/// <para>
/// <b>Source: the invoices.</b> A customer's MRR for month M is what their recurring subscription was billed for M: the
/// <see cref="Billing.InvoiceLineKind.Subscription"/> lines per month (amount ÷ quantity, so a line of three months counts one)
/// less the <see cref="Billing.InvoiceLineKind.Discount"/> lines, of their non-void invoices whose <see cref="Billing.Invoice.Period"/>
/// (the first day of the billed month, one invoice per customer and period) is M; never below zero. Proration, installation,
/// equipment and one-off lines are not recurring and credit notes do not change MRR. A first month charged by days
/// (<see cref="Billing.InvoiceLineKind.Proration"/>, the PSB's first invoice when the service starts after the 1st) is not MRR:
/// the customer enters MRR in their first full subscription month (a start on the 1st bills a Subscription line, so that
/// month counts). A month given away (first invoice mode NextPeriod) has no invoice and no MRR either.
/// </para>
/// <para>
/// <b>Movement</b>, month M against M−1, per customer: new (none before M, ever), reactivated (none in M−1 but some earlier),
/// expansion (more than in M−1), contraction (less, still above zero), churned (some in M−1, none in M), so
/// opening + new + reactivated + expansion − contraction − churned = closing, opening being M−1's MRR of the same customers.
/// Active customers at the end of M are the customers with MRR in M; ARPU = MRR ÷ active customers.
/// The package mix counts each active customer under the package of their subscription line in the range's last month.
/// </para>
/// </summary>
public sealed class MrrMovement(IIspDbFactory dbs, IRevenueQueries queries, ICurrentUser currentUser, IspClock clock)
{
    public async Task<Outcome<MrrView>> ForAsync(MonthRange range, RevenueFilter filter, CancellationToken cancellationToken = default)
    {
        if (await RevenueChecks.RefuseAsync(currentUser, dbs, range, filter, cancellationToken) is { } problems)
            return Outcome.Refused<MrrView>(problems);

        var zone = await clock.ZoneAsync(cancellationToken);
        var movement = await queries.MovementAsync(range, range.Bounds(zone), filter, cancellationToken);
        var mix = await queries.MixAsync(range.To, filter, cancellationToken);
        var months = movement
            .Select(m => new MrrMonth(m.Month, m.Mrr, m.Opening, m.New, m.Expansion, m.Contraction, m.Churned, m.Reactivated, m.Active, RevenueChecks.Arpu(m.Mrr, m.Active)))
            .ToList();
        var total = mix.Where(r => r.Dimension == MixDimension.Package).Sum(r => r.Mrr);

        List<MixLine> Lines(MixDimension dimension) => [.. mix
            .Where(r => r.Dimension == dimension)
            .Select(r => new MixLine(r.Id, r.Name, r.Customers, r.Mrr, RevenueChecks.Ratio(r.Mrr, total), RevenueChecks.Arpu(r.Mrr, r.Customers)))
            .OrderByDescending(r => r.Mrr).ThenBy(r => r.Name, StringComparer.Ordinal)];

        return Outcome.Done(new MrrView(range.From, range.To, months, range.To, Lines(MixDimension.Package), Lines(MixDimension.Location), Lines(MixDimension.Router)));
    }
}
