namespace IspPortal.Core.Network;

/// <summary>
/// One reading of a router's health, taken by every successful sync (table
/// <c>router_health_samples</c>): the raw material of the uptime and bandwidth reports.
/// Byte counters are the router's running totals; a report takes differences between samples
/// (a drop means the router restarted).
/// </summary>
[Common.NotAudited]
public class RouterHealthSample
{
    private RouterHealthSample() { }

    public RouterHealthSample(int routerId, DateTimeOffset sampledAt, short cpuLoadPercent, long uptimeSeconds, int activeSessions, long rxBytes, long txBytes)
    {
        RouterId = routerId;
        SampledAt = sampledAt;
        CpuLoadPercent = cpuLoadPercent;
        UptimeSeconds = uptimeSeconds;
        ActiveSessions = activeSessions;
        RxBytes = rxBytes;
        TxBytes = txBytes;
    }

    public long Id { get; private set; }

    public int RouterId { get; private set; }

    public DateTimeOffset SampledAt { get; private set; }

    public short CpuLoadPercent { get; private set; }

    public long UptimeSeconds { get; private set; }

    public int ActiveSessions { get; private set; }

    /// <summary>Bytes received on the router's physical (non-PPPoE) interfaces since it booted.</summary>
    public long RxBytes { get; private set; }

    public long TxBytes { get; private set; }
}
