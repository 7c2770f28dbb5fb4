namespace IspPortal.Core.Network.Health;

/// <summary>
/// A router's health over one closed time bucket, rolled up from its raw samples (which are kept
/// only days): what the network reports read for months. Traffic is in bits per second, from the
/// differences between consecutive samples' byte counters; null when the bucket has no rate (one
/// sample, or the router restarted).
/// </summary>
public abstract class RouterHealthAggregate
{
    public int RouterId { get; private set; }

    /// <summary>Start of the bucket (UTC, aligned to its length).</summary>
    public DateTimeOffset BucketStart { get; private set; }

    public int Samples { get; private set; }

    public double CpuAvg { get; private set; }

    public short CpuMax { get; private set; }

    public double CpuP95 { get; private set; }

    public double SessionsAvg { get; private set; }

    public int SessionsMax { get; private set; }

    public double? RxBpsAvg { get; private set; }

    public double? RxBpsMax { get; private set; }

    public double? RxBpsP95 { get; private set; }

    public double? TxBpsAvg { get; private set; }

    public double? TxBpsMax { get; private set; }

    public double? TxBpsP95 { get; private set; }
}

/// <summary>Five-minute buckets (table <c>router_health_5min</c>).</summary>
[Common.NotAudited]
public sealed class RouterHealthFiveMinutes : RouterHealthAggregate
{
    private RouterHealthFiveMinutes() { }
}

/// <summary>Hourly buckets (table <c>router_health_hourly</c>).</summary>
[Common.NotAudited]
public sealed class RouterHealthHourly : RouterHealthAggregate
{
    private RouterHealthHourly() { }
}
