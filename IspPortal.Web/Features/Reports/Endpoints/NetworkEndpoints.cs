using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Network;
using IspPortal.Web.Features.Identity.Authentication;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary>
/// <c>/api/reports/uptime</c> and <c>/api/reports/bandwidth</c>: the network reports as JSON, or with <c>format=csv|xlsx|pdf</c> as a file,
/// for a key (or a session) holding reports.read or network.read (<see cref="PermissionPolicies.NetworkReports"/>).
/// </summary>
public static class NetworkEndpoints
{
    /// <summary>The uptime as the API answers it: <c>from</c>, <c>to</c>, <c>uptimePercent</c>, <c>routers</c>, <c>customers</c>, <c>outages</c> first.</summary>
    public sealed record UptimeAnswer(
        DateOnly From, DateOnly To, decimal? UptimePercent, IReadOnlyList<RouterUptime> Routers, IReadOnlyList<CustomerUptime> Customers,
        IReadOnlyList<OutageImpact> Outages, int CustomerCount, IReadOnlyList<MassOutageEntry> MassOutages);

    public sealed record BandwidthAnswer(
        DateOnly From, DateOnly To, IReadOnlyList<RouterBandwidth> Routers, IReadOnlyList<BandwidthPoint> Series, bool Hourly, IReadOnlyList<SessionsPoint> Sessions);

    public static RouteGroupBuilder MapNetworkReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(PermissionPolicies.NetworkReports);

        reports.MapGet("/uptime", (Func<HttpContext, Task<IResult>>)UptimeAsync)
            .Produces<UptimeAnswer>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description)
            .WithSummary("Uptime over from..to (YYYY-MM-DD, default the last 30 days, at most 366): per router (down while unreachable), per customer "
                + "(only while Active; Offline or under a router outage is down), the network's uptime weighted by customers, outages by customer-minutes lost "
                + "and the mass outages; filters router and location (ids); rows = customers listed (default 100, at most 1000), the worst first");

        reports.MapGet("/bandwidth", (Func<HttpContext, Task<IResult>>)BandwidthAsync)
            .Produces<BandwidthAnswer>()
            .ProducesValidationProblem()
            .WithDescription(ReportDownloads.Description)
            .WithSummary("Uplink traffic per router over from..to (default the last 30 days, at most 366) in bits per second: average, p95 and peak rx/tx, "
                + "utilizationP95 (percent of the capacity set on the router, null without one), busiest first; series per router "
                + "(hourly up to two days, daily beyond) and sessions online; filters router and location");
        return api;
    }

    internal static async Task<IResult> UptimeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReportDownloads.Format(request, out var format, out var problem) || !Range(request, out var from, out var to, out problem)
            || !Filter(request, out var filter, out problem)
            || !ReportEndpoints.Number(request, "rows", 0, NetworkUptime.MaxCustomerRows, out var rows, out problem))
            return problem;
        var outcome = await context.RequestServices.GetRequiredService<NetworkUptime>()
            .ForAsync(from, to, filter, rows ?? NetworkUptime.DefaultCustomerRows, context.RequestAborted);
        if (outcome.Value is not { } view)
            return ReportEndpoints.Answer(outcome);
        return format is { } file
            ? ReportDownloads.File(context, NetworkTables.Uptime(view), file)
            : Results.Ok(new UptimeAnswer(view.From, view.To, view.UptimePercent, view.Routers, view.Customers, view.Outages, view.CustomerCount, view.MassOutages));
    }

    internal static async Task<IResult> BandwidthAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReportDownloads.Format(request, out var format, out var problem) || !Range(request, out var from, out var to, out problem)
            || !Filter(request, out var filter, out problem))
            return problem;
        var outcome = await context.RequestServices.GetRequiredService<BandwidthUtilization>().ForAsync(from, to, filter, context.RequestAborted);
        if (outcome.Value is not { } view)
            return ReportEndpoints.Answer(outcome);
        return format is { } file
            ? ReportDownloads.File(context, NetworkTables.Bandwidth(view), file)
            : Results.Ok(new BandwidthAnswer(view.From, view.To, view.Routers, view.Series, view.Hourly, view.Sessions));
    }

    private static bool Range(HttpRequest request, out DateOnly? from, out DateOnly? to, out IResult problem)
    {
        to = null;
        return ReportEndpoints.Optional(request, "from", out from, out problem) && ReportEndpoints.Optional(request, "to", out to, out problem);
    }

    private static bool Filter(HttpRequest request, out NetworkFilter filter, out IResult problem)
    {
        filter = NetworkFilter.None;
        if (!ReportEndpoints.Number(request, "router", 1, int.MaxValue, out var router, out problem) || !ReportEndpoints.Number(request, "location", 1, int.MaxValue, out var location, out problem))
            return false;
        filter = new NetworkFilter(router, location);
        return true;
    }
}
