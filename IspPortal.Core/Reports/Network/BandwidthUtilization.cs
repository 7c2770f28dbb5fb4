using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Network;

/// <summary>
/// Uplink traffic per router over a range of days (default the last 30, at most 366) from the health buckets, for reports.read or
/// network.read: average, p95 and peak rx/tx, utilization of the capacity set on the router, busiest first; a series per router
/// (hourly points up to two days from the five-minute buckets, daily points from the hourly buckets beyond) and sessions online.
/// </summary>
public sealed class BandwidthUtilization(INetworkFigures figures, ICurrentUser currentUser, IspClock clock, TimeProvider time)
{
    public async Task<Outcome<BandwidthView>> ForAsync(DateOnly? from, DateOnly? to, NetworkFilter filter, CancellationToken cancellationToken = default)
    {
        if (!NetworkWindow.MayRead(await currentUser.GetAsync(cancellationToken)))
            return Outcome.Refused<BandwidthView>("", Actor.NotPermitted);
        var checkedWindow = await NetworkWindow.OfAsync(from, to, clock, time, cancellationToken);
        if (checkedWindow.Value is not { } window)
            return checkedWindow.Map<BandwidthView>(_ => null!);

        var routers = await figures.BandwidthAsync(window, filter, cancellationToken);
        var series = await figures.BandwidthSeriesAsync(window, filter, cancellationToken);
        var sessions = series.GroupBy(p => p.At).OrderBy(g => g.Key)
            .Select(g => new SessionsPoint(g.Key, Math.Round(g.Sum(p => p.SessionsAvg), 1))).ToList();
        var busiest = routers
            .OrderByDescending(r => r.UtilizationP95 ?? -1m)
            .ThenByDescending(r => Math.Max(r.RxP95Bps ?? 0, r.TxP95Bps ?? 0))
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return Outcome.Done(new BandwidthView(window.From, window.To, window.IsFine, busiest, series, sessions));
    }

    /// <summary>The larger p95 as a percent of the capacity, to 0.1; null without a capacity or any traffic.</summary>
    public static decimal? Utilization(double? rxP95, double? txP95, int? capacityMbps)
    {
        if (capacityMbps is not > 0 || (rxP95 is null && txP95 is null))
            return null;
        var busiest = Math.Max(rxP95 ?? 0, txP95 ?? 0);
        return Math.Round((decimal)(busiest / (capacityMbps.Value * 1_000_000d)) * 100m, 1, MidpointRounding.AwayFromZero);
    }
}
