namespace IspPortal.Core.Reports.Network;

/// <summary>
/// The network reports' figures, each one set-based SQL statement over routers, alerts, status logs and health buckets
/// (Infrastructure: PostgreSQL multiranges and percentiles). No permission check: the use cases check first.
/// </summary>
public interface INetworkFigures
{
    Task<IReadOnlyList<RouterUptime>> RouterUptimeAsync(NetworkWindow window, NetworkFilter filter, CancellationToken cancellationToken);

    /// <param name="rows">How many of the worst customers to return (the sums count every one).</param>
    Task<CustomerUptimePage> CustomerUptimeAsync(NetworkWindow window, NetworkFilter filter, int rows, CancellationToken cancellationToken);

    /// <param name="rows">How many outages, most customer-minutes lost first.</param>
    Task<IReadOnlyList<OutageImpact>> OutagesAsync(NetworkWindow window, NetworkFilter filter, int rows, CancellationToken cancellationToken);

    Task<IReadOnlyList<MassOutageEntry>> MassOutagesAsync(NetworkWindow window, NetworkFilter filter, int rows, CancellationToken cancellationToken);

    /// <summary>
    /// The customers' Σ Active and Σ outage minutes in each window (in order, disjoint) in one round trip, each window counted exactly as
    /// <see cref="CustomerUptimeAsync"/> counts it alone (the sums of its page).
    /// </summary>
    Task<IReadOnlyList<UptimeMinutes>> CustomerMinutesAsync(IReadOnlyList<NetworkWindow> windows, NetworkFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<RouterBandwidth>> BandwidthAsync(NetworkWindow window, NetworkFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<BandwidthPoint>> BandwidthSeriesAsync(NetworkWindow window, NetworkFilter filter, CancellationToken cancellationToken);
}
