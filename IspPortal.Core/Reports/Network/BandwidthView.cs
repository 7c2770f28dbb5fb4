namespace IspPortal.Core.Reports.Network;

/// <summary>One router's uplink traffic over the window, in bits per second.</summary>
/// <param name="CapacityMbps">The uplink capacity set on the router; null: "kapasitas belum diisi", no utilization.</param>
/// <param name="RxAvgBps">Mean of the buckets' averages (every bucket the same length).</param>
/// <param name="RxP95Bps">
/// Five-minute buckets (ranges up to two days): the 95th percentile of the five-minute averages, the billing standard.
/// Hourly buckets: the 95th percentile of the hourly buckets' own p95s, a slight over-estimate (never an under-estimate of the busy hours).
/// </param>
/// <param name="RxPeakBps">The highest rate seen (the buckets' max).</param>
/// <param name="UtilizationP95">The larger of rx and tx p95 as a percent of capacity, to 0.1; null without capacity or traffic.</param>
public sealed record RouterBandwidth(
    int RouterId, string Code, string Name, int? CapacityMbps,
    double? RxAvgBps, double? RxP95Bps, double? RxPeakBps, double? TxAvgBps, double? TxP95Bps, double? TxPeakBps,
    decimal? UtilizationP95, double SessionsAvg, int SessionsMax);

/// <summary>One point of a router's traffic: an hour (ranges up to two days) or a day in the ISP's zone.</summary>
public sealed record BandwidthPoint(int RouterId, DateTimeOffset At, double? RxAvgBps, double? TxAvgBps, double? RxPeakBps, double? TxPeakBps, double SessionsAvg);

/// <summary>Sessions online over the whole filter at one point: the sum of the routers' averages.</summary>
public sealed record SessionsPoint(DateTimeOffset At, double Sessions);

/// <param name="Routers">Busiest first: by utilization p95, then (no capacity) by the larger p95 in bps.</param>
/// <param name="Hourly">True when the points are hours, false when days.</param>
public sealed record BandwidthView(
    DateOnly From, DateOnly To, bool Hourly, IReadOnlyList<RouterBandwidth> Routers, IReadOnlyList<BandwidthPoint> Series, IReadOnlyList<SessionsPoint> Sessions);
