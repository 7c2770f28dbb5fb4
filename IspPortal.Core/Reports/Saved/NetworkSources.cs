using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Network;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// What the two network reports share, as <c>/api/reports/uptime</c> and <c>/bandwidth</c> take them: days <c>from</c>..<c>to</c>
/// (either may be left out: to today, from 29 days before; at most 366 days), filters <c>router</c> and <c>location</c>. Read with
/// reports.read OR network.read (<see cref="NetworkWindow.MayRead"/>): <see cref="Permissions"/> lists them, any one is enough.
/// </summary>
public abstract class NetworkSource(IspClock clock) : ReportSource(clock)
{
    public override IReadOnlyList<string> Permissions { get; } = [Identity.Permissions.ReportsRead, Identity.Permissions.NetworkRead];

    public override bool MayRead(Actor actor) => NetworkWindow.MayRead(actor);

    protected override bool IsRange => true;

    protected override IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["router"] = FilterValues.IdProblem,
        ["location"] = FilterValues.IdProblem,
    };

    protected override FieldErrors CheckFixed(ReportParameters normal) =>
        (Day(normal["from"]), Day(normal["to"])) switch
        {
            (null, null) => new FieldErrors(),
            var (from, to) => NetworkWindow.Check(from ?? to!.Value, to ?? from!.Value),
        };

    protected override ReportParameters ResolveFixed(ReportParameters normal, DateOnly today)
    {
        var to = Day(normal["to"]) ?? today;
        return normal.With("from", Day(normal["from"]) ?? to.AddDays(1 - NetworkWindow.DefaultDays)).With("to", to);
    }

    protected static NetworkFilter FilterOf(ReportParameters resolved) => new(FilterValues.Id(resolved["router"]), FilterValues.Id(resolved["location"]));
}

/// <summary>Uptime per router and customer, outages and mass outages (<c>/api/reports/uptime</c>); <c>rows</c> = customers listed.</summary>
public sealed class UptimeSource(NetworkUptime uptime, IspClock clock) : NetworkSource(clock)
{
    public override string Key => "uptime";

    public override string Title => "Uptime jaringan";

    public override string Page => "/reports/uptime";

    protected override IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["router"] = FilterValues.IdProblem,
        ["location"] = FilterValues.IdProblem,
        ["rows"] = v => FilterValues.Number(v, 0, NetworkUptime.MaxCustomerRows) is null ? FilterValues.NumberProblem(0, NetworkUptime.MaxCustomerRows) : null,
    };

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken)
    {
        var rows = FilterValues.Number(resolved["rows"], 0, NetworkUptime.MaxCustomerRows) ?? NetworkUptime.DefaultCustomerRows;
        var outcome = await uptime.ForAsync(DayOf(resolved, "from"), DayOf(resolved, "to"), FilterOf(resolved), rows, cancellationToken);
        return outcome.Map(NetworkTables.Uptime);
    }
}

/// <summary>Uplink traffic per router (<c>/api/reports/bandwidth</c>).</summary>
public sealed class BandwidthSource(BandwidthUtilization bandwidth, IspClock clock) : NetworkSource(clock)
{
    public override string Key => "bandwidth";

    public override string Title => "Bandwidth";

    public override string Page => "/reports/bandwidth";

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken) =>
        (await bandwidth.ForAsync(DayOf(resolved, "from"), DayOf(resolved, "to"), FilterOf(resolved), cancellationToken)).Map(NetworkTables.Bandwidth);
}
