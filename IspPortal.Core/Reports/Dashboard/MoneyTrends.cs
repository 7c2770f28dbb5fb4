using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Receivables;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Dashboard;

/// <summary>Collected ÷ billed per month in percent, exactly as <see cref="CollectionMetrics"/> computes it for the Piutang page.</summary>
public sealed class CollectionRateTrend(CollectionMetrics metrics) : ITrendSource
{
    public IReadOnlyList<string> Needs { get; } = [Permissions.BillingRead];

    public async Task<IReadOnlyList<TrendSeries>> LoadAsync(TrendMonths months, CancellationToken cancellationToken)
    {
        var outcome = await metrics.MonthsAsync(months.First, months.Today, cancellationToken);
        if (outcome.Value is not { } view)
            return [];
        var rates = view.Months.ToDictionary(m => m.Month, m => m.Rate);
        return [new TrendSeries(TrendKeys.CollectionRate, [.. months.Months.Select(m => new TrendPoint(m, rates.GetValueOrDefault(m)))])];
    }
}

/// <summary>
/// Owed more than 30 days past due (the aging's 31–60, 61–90 and &gt;90 buckets) at each month's last day
/// (today for this month): the aging's own query (<see cref="OpenInvoices"/>) at the twelve dates, in one SQL statement.
/// </summary>
public sealed class ArrearsTrend(IIspDbFactory dbs) : ITrendSource
{
    public const int DaysPastDue = 30;

    public IReadOnlyList<string> Needs { get; } = [Permissions.BillingRead];

    public async Task<IReadOnlyList<TrendSeries>> LoadAsync(TrendMonths months, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var sums = await ArrearsAsync(db, [.. months.Months.Select(months.EndOf)], months.Zone, cancellationToken);
        return [new TrendSeries(TrendKeys.ArrearsOver30, [.. months.Months.Select((m, i) => new TrendPoint(m, sums[i]))])];
    }

    /// <summary>The amount more than <see cref="DaysPastDue"/> days past due at the end of each day, in the days' order.</summary>
    internal static async Task<decimal[]> ArrearsAsync(IIspDb db, IReadOnlyList<DateOnly> days, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var sums = new decimal[days.Count];
        if (days.Count == 0)
            return sums;
        var dueBefore = days.Select(d => d.AddDays(-DaysPastDue)).ToArray();
        var rows = await OpenInvoices.OwedAtEach(db, days, zone, AgingFilter.None)
            .Where(x => x.Invoice.DueDate < dueBefore[x.Index])
            .GroupBy(x => x.Index)
            .Select(g => new { g.Key, Amount = g.Sum(x => x.Due) })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
            sums[row.Key] = row.Amount;
        return sums;
    }
}
