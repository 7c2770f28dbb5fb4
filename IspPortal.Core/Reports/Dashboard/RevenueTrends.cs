using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Network;
using IspPortal.Core.Reports.Revenue;

namespace IspPortal.Core.Reports.Dashboard;

/// <summary>
/// MRR, active customers and the churn rate per month, exactly as the Pelanggan &amp; pendapatan report computes them
/// (<see cref="MrrMovement"/> and <see cref="CustomerChurn"/>, which check their own permissions).
/// </summary>
public sealed class RevenueTrends(MrrMovement mrr, CustomerChurn churn) : ITrendSource
{
    public IReadOnlyList<string> Needs { get; } = [Permissions.BillingRead];

    public async Task<IReadOnlyList<TrendSeries>> LoadAsync(TrendMonths months, CancellationToken cancellationToken)
    {
        var range = MonthRange.Of(months.First, months.Today);
        var series = new List<TrendSeries>();
        if ((await mrr.ForAsync(range, RevenueFilter.None, cancellationToken)).Value is { } movement)
        {
            var byMonth = movement.Months.ToDictionary(m => m.Month);
            series.Add(Series(TrendKeys.Mrr, months, m => byMonth.TryGetValue(m, out var row) ? row.Mrr : null));
            series.Add(Series(TrendKeys.ActiveCustomers, months, m => byMonth.TryGetValue(m, out var row) ? row.ActiveCustomers : null));
        }
        if ((await churn.ForAsync(range, RevenueFilter.None, cancellationToken)).Value is { } lost)
        {
            var byMonth = lost.Months.ToDictionary(m => m.Month);
            series.Add(Series(TrendKeys.ChurnRate, months, m => byMonth.TryGetValue(m, out var row) && row.ChurnRate is { } rate ? rate * 100m : null));
        }
        return series;
    }

    private static TrendSeries Series(string key, TrendMonths months, Func<DateOnly, decimal?> value) =>
        new(key, [.. months.Months.Select(m => new TrendPoint(m, value(m)))]);
}

/// <summary>
/// Network uptime per month (the share of active customer-minutes online), as the Uptime jaringan report computes it
/// for each month's days up to today (<see cref="NetworkUptime.PerRangeAsync"/>: the twelve months in one query; it checks its own permission).
/// </summary>
public sealed class UptimeTrend(NetworkUptime uptime) : ITrendSource
{
    public IReadOnlyList<string> Needs { get; } = [];

    public async Task<IReadOnlyList<TrendSeries>> LoadAsync(TrendMonths months, CancellationToken cancellationToken)
    {
        var outcome = await uptime.PerRangeAsync([.. months.Months.Select(m => (m, months.EndOf(m)))], NetworkFilter.None, cancellationToken);
        if (outcome.Value is not { } perMonth)
            return [];
        return [new TrendSeries(TrendKeys.Uptime, [.. months.Months.Zip(perMonth, (month, minutes) => new TrendPoint(month, minutes.UptimePercent))])];
    }
}
