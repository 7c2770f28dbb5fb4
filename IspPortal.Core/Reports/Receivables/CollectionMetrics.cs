using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Statements;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Receivables;

/// <param name="Month">The first day of the month.</param>
/// <param name="Billed">Totals of the non-void invoices issued in the month.</param>
/// <param name="Collected">Payments allocated to invoices in the month (any invoice, any month's).</param>
/// <param name="Rate">Collected ÷ billed in percent, rounded to 0.1; null when nothing was billed.</param>
public sealed record CollectionMonth(DateOnly Month, decimal Billed, decimal Collected, decimal? Rate);

/// <param name="Payments">Allocations (a payment paying one invoice) made in the range by this method.</param>
/// <param name="AverageDays">Average days from the invoice's issue date to the allocation's date, rounded to 0.1.</param>
public sealed record MethodDays(PaymentMethod Method, int Payments, decimal AverageDays);

/// <param name="Receivable">Owed at the end of the range, as the aging sums it.</param>
/// <param name="Dso">Days sales outstanding: receivable ÷ billed in the range × days in the range, rounded to 0.1; null when nothing was billed.</param>
public sealed record CollectionView(
    DayRange Range, IReadOnlyList<CollectionMonth> Months, decimal Billed, decimal Collected, decimal Receivable, decimal? Dso,
    IReadOnlyList<MethodDays> DaysToPay);

/// <summary>
/// How fast customers pay over a range of days: billed and collected per month, DSO at the range's end and
/// the average days from invoice to payment per payment method (the brief's "5–7 days faster" claim).
/// Same permissions and filter as <see cref="ReceivablesAging"/>.
/// </summary>
public sealed class CollectionMetrics(IIspDbFactory dbs, ICurrentUser currentUser, IspClock clock, IAllocationTotals allocations)
{
    public Task<Outcome<CollectionView>> ForAsync(DateOnly from, DateOnly to, AgingFilter filter, CancellationToken cancellationToken = default) =>
        ForAsync(from, to, filter, withReceivable: true, cancellationToken);

    /// <summary>Billed, collected and the rate per month only: the receivable (the aging's total) and DSO are left at zero and null.</summary>
    internal Task<Outcome<CollectionView>> MonthsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        ForAsync(from, to, AgingFilter.None, withReceivable: false, cancellationToken);

    private async Task<Outcome<CollectionView>> ForAsync(DateOnly from, DateOnly to, AgingFilter filter, bool withReceivable, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead) || !actor.Holds(Permissions.BillingRead))
            return Outcome.Refused<CollectionView>("", Actor.NotPermitted);
        if (StatementRange.Check(from, to) is { Any: true } problems)
            return Outcome.Refused<CollectionView>(problems);

        var zone = await clock.ZoneAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoices = OpenInvoices.Filtered(db.Invoices.AsNoTracking(), filter);

        var billed = await BilledAsync(db, invoices, from, to, filter, cancellationToken);

        var collected = new Dictionary<DateOnly, decimal>();
        var days = new Dictionary<PaymentMethod, (int Count, long Days)>();
        foreach (var row in await allocations.ForAsync(db, from, to, zone, filter, cancellationToken))
        {
            collected[row.Month] = collected.GetValueOrDefault(row.Month) + row.Amount;
            var (count, sum) = days.GetValueOrDefault(row.Method);
            days[row.Method] = (count + row.Count, sum + row.Days);
        }

        var months = new List<CollectionMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var b = billed.GetValueOrDefault(month);
            var c = collected.GetValueOrDefault(month);
            months.Add(new CollectionMonth(month, b, c, b == 0 ? null : Math.Round(c / b * 100m, 1, MidpointRounding.AwayFromZero)));
        }
        var range = new DayRange(from, to);
        var totalBilled = billed.Values.Sum();
        var receivable = withReceivable ? await ReceivablesAging.TotalAsync(db, to, zone, filter, cancellationToken) : 0m;
        decimal? dso = totalBilled == 0 || !withReceivable ? null : Math.Round(receivable / totalBilled * range.Days, 1, MidpointRounding.AwayFromZero);
        var methods = days.OrderBy(d => d.Key)
            .Select(d => new MethodDays(d.Key, d.Value.Count, Math.Round((decimal)d.Value.Days / d.Value.Count, 1, MidpointRounding.AwayFromZero)))
            .ToList();
        return Outcome.Done(new CollectionView(range, months, totalBilled, collected.Values.Sum(), receivable, dso, methods));
    }

    /// <summary>
    /// Totals of the non-void invoices issued per month in the days: unfiltered, the whole months from the totals the database keeps
    /// (<see cref="BilledMonthTotal"/>) and only the partial months at the edges from the invoices; filtered, all from the invoices.
    /// </summary>
    private static async Task<Dictionary<DateOnly, decimal>> BilledAsync(
        IIspDb db, IQueryable<Invoice> invoices, DateOnly from, DateOnly to, AgingFilter filter, CancellationToken cancellationToken)
    {
        async Task<Dictionary<DateOnly, decimal>> IssuedAsync(DateOnly first, DateOnly last) => (await invoices
                .Where(i => i.IssueDate >= first && i.IssueDate <= last && i.Status != InvoiceStatus.Void)
                .GroupBy(i => new { i.IssueDate.Year, i.IssueDate.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Total = g.Sum(i => i.Total) })
                .ToListAsync(cancellationToken))
            .ToDictionary(b => new DateOnly(b.Year, b.Month, 1), b => b.Total);

        var (wholeFrom, wholeUntil) = WholeMonths.Within(from, to);
        if (filter != AgingFilter.None || wholeFrom >= wholeUntil)
            return await IssuedAsync(from, to);

        var billed = await db.BilledMonthTotals.AsNoTracking()
            .Where(t => t.Month >= wholeFrom && t.Month < wholeUntil)
            .GroupBy(t => t.Month)
            .ToDictionaryAsync(g => g.Key, g => g.Sum(t => t.Amount), cancellationToken);
        var edges = new List<(DateOnly First, DateOnly Last)>();
        if (from < wholeFrom)
            edges.Add((from, wholeFrom.AddDays(-1)));
        if (wholeUntil <= to)
            edges.Add((wholeUntil, to));
        foreach (var (first, last) in edges)
            foreach (var (month, total) in await IssuedAsync(first, last))
                billed[month] = billed.GetValueOrDefault(month) + total;
        return billed;
    }

}
