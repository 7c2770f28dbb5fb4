using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Network;

/// <summary>
/// Uptime over a range of days (default the last 30, at most 366), for reports.read or network.read:
/// <list type="bullet">
/// <item>per router: down while a RouterUnreachable alert was open, cut to the window and to when the router was added;</item>
/// <item>per customer: counted only while their lifecycle status was Active (isolated, suspended, terminated and pending time is
/// neither up nor down); an outage minute is an Active minute spent Offline (connection state from the status logs) or under an
/// outage of the router they are on now (they cannot be online then); Unknown and Disabled connection time is not an outage
/// unless the router was down;</item>
/// <item>the network's uptime weighted by customers: 1 − Σ outage minutes ÷ Σ Active minutes;</item>
/// <item>outages ranked by customer-minutes lost and the mass-outage history (see <see cref="OutageImpact"/>).</item>
/// </list>
/// </summary>
public sealed class NetworkUptime(INetworkFigures figures, ICurrentUser currentUser, IspClock clock, TimeProvider time)
{
    public const int DefaultCustomerRows = 100;
    public const int MaxCustomerRows = 1000;
    public const int OutageRows = 50;

    public async Task<Outcome<UptimeView>> ForAsync(
        DateOnly? from, DateOnly? to, NetworkFilter filter, int customerRows = DefaultCustomerRows, CancellationToken cancellationToken = default)
    {
        if (!NetworkWindow.MayRead(await currentUser.GetAsync(cancellationToken)))
            return Outcome.Refused<UptimeView>("", Actor.NotPermitted);
        if (customerRows is < 0 or > MaxCustomerRows)
            return Outcome.Refused<UptimeView>("rows", $"Isi 0–{MaxCustomerRows}.");
        var checkedWindow = await NetworkWindow.OfAsync(from, to, clock, time, cancellationToken);
        if (checkedWindow.Value is not { } window)
            return checkedWindow.Map<UptimeView>(_ => null!);

        var routers = await figures.RouterUptimeAsync(window, filter, cancellationToken);
        var customers = await figures.CustomerUptimeAsync(window, filter, customerRows, cancellationToken);
        var outages = await figures.OutagesAsync(window, filter, OutageRows, cancellationToken);
        var mass = await figures.MassOutagesAsync(window, filter, OutageRows, cancellationToken);
        return Outcome.Done(new UptimeView(window.From, window.To, Percent(customers.OutageMinutes, customers.ServiceMinutes),
            routers, customers.Count, customers.Rows, outages, mass));
    }

    /// <summary>
    /// The network's uptime over several ranges of days (the dashboard's months) in one query: each range's figure is the report's
    /// <see cref="UptimeView.UptimePercent"/> over that range. Ranges in order and not overlapping.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<UptimeMinutes>>> PerRangeAsync(
        IReadOnlyList<(DateOnly From, DateOnly To)> ranges, NetworkFilter filter, CancellationToken cancellationToken = default)
    {
        if (!NetworkWindow.MayRead(await currentUser.GetAsync(cancellationToken)))
            return Outcome.Refused<IReadOnlyList<UptimeMinutes>>("", Actor.NotPermitted);
        var windows = new List<NetworkWindow>(ranges.Count);
        foreach (var (from, to) in ranges)
        {
            var checkedWindow = await NetworkWindow.OfAsync(from, to, clock, time, cancellationToken);
            if (checkedWindow.Value is not { } window)
                return checkedWindow.Map<IReadOnlyList<UptimeMinutes>>(_ => null!);
            if (windows.Count > 0 && window.From <= windows[^1].To)
                return Outcome.Refused<IReadOnlyList<UptimeMinutes>>("from", "Rentang harus berurutan dan tidak bertumpang tindih.");
            windows.Add(window);
        }
        return Outcome.Done(windows.Count == 0 ? [] : await figures.CustomerMinutesAsync(windows, filter, cancellationToken));
    }

    /// <summary>100 × (1 − down ÷ total), to 0.001; null when nothing was counted.</summary>
    public static decimal? Percent(decimal down, decimal total) =>
        total <= 0 ? null : Math.Round(100m * (1m - down / total), 3, MidpointRounding.AwayFromZero);
}
