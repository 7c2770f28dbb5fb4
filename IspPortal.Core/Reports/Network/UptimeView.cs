namespace IspPortal.Core.Reports.Network;

/// <summary>One router over the window: down while a RouterUnreachable alert was open (overlapping alerts counted once).</summary>
/// <param name="UptimePercent">100 × (1 − outage ÷ the window's minutes since the router was added), to 0.001; null when it did not exist yet.</param>
/// <param name="Outages">RouterUnreachable alerts overlapping the window.</param>
/// <param name="LongestMinutes">The longest of them, cut to the window.</param>
public sealed record RouterUptime(int RouterId, string Code, string Name, decimal? UptimePercent, decimal OutageMinutes, int Outages, decimal LongestMinutes);

/// <summary>One customer over the window.</summary>
/// <param name="ServiceMinutes">Minutes the customer's lifecycle status was Active: the time uptime is counted over.</param>
/// <param name="OutageMinutes">Of those, minutes Offline or under an outage of their router.</param>
public sealed record CustomerUptime(
    int CustomerId, string Code, string Name, int? RouterId, string? Router, string Location,
    decimal UptimePercent, decimal OutageMinutes, decimal ServiceMinutes);

/// <summary>The customers' side: the worst first, and the sums over every customer counted.</summary>
/// <param name="Count">Customers with any Active minute in the window.</param>
public sealed record CustomerUptimePage(IReadOnlyList<CustomerUptime> Rows, int Count, decimal ServiceMinutes, decimal OutageMinutes);

public static class OutageKinds
{
    public const string Router = "RouterUnreachable";
    public const string Mass = "MassOutage";
}

/// <summary>An outage and what it cost the customers.</summary>
/// <param name="Kind"><see cref="OutageKinds.Router"/> or <see cref="OutageKinds.Mass"/>.</param>
/// <param name="Minutes">The alert's span cut to the window; an open one runs to the window's end.</param>
/// <param name="Customers">Router outage: the router's customers Active during it; mass outage: sessions lost (baseline − average online during it).</param>
/// <param name="CustomerMinutes">Router outage: the sum of each customer's Active minutes inside the outage; mass outage: sessions lost × minutes.</param>
public sealed record OutageImpact(
    long AlertId, string Kind, int RouterId, string RouterCode, string RouterName,
    DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, decimal Minutes, decimal Customers, decimal CustomerMinutes);

/// <summary>A mass outage (online customers dropped suddenly) in the window.</summary>
/// <param name="LowestSessions">The lowest five-minute average of sessions online during it; null without health buckets.</param>
public sealed record MassOutageEntry(
    long AlertId, int RouterId, string RouterCode, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, decimal Minutes,
    int? BaselineSessions, decimal? LowestSessions, string Message);

/// <param name="UptimePercent">Network uptime weighted by customers: 100 × (1 − Σ customers' outage minutes ÷ Σ their Active minutes); null without any.</param>
/// <param name="CustomerCount">Customers counted; <see cref="Customers"/> holds the worst ones first (most outage minutes).</param>
public sealed record UptimeView(
    DateOnly From, DateOnly To, decimal? UptimePercent, IReadOnlyList<RouterUptime> Routers,
    int CustomerCount, IReadOnlyList<CustomerUptime> Customers, IReadOnlyList<OutageImpact> Outages, IReadOnlyList<MassOutageEntry> MassOutages);

/// <summary>The customers' minutes in one window of several (<see cref="NetworkUptime.PerRangeAsync"/>).</summary>
/// <param name="UptimePercent">As <see cref="UptimeView.UptimePercent"/> of the report over From..To: 100 × (1 − outage ÷ Active minutes); null without any.</param>
public sealed record UptimeMinutes(DateOnly From, DateOnly To, decimal ServiceMinutes, decimal OutageMinutes)
{
    public decimal? UptimePercent => NetworkUptime.Percent(OutageMinutes, ServiceMinutes);
}
