using System.Globalization;
using IspPortal.Core.Customers;
using IspPortal.Core.Reports.Network;

namespace IspPortal.Web.Features.Reports.Components;

/// <summary>
/// The network reports' days and filters in their address (<c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD&amp;router=…&amp;location=…</c>), the names the
/// API reads, so a filtered report (and its export) can be linked and reloaded.
/// </summary>
public static class NetworkLinks
{
    public static string Query(DateOnly from, DateOnly to, NetworkFilter filter)
    {
        var query = ReportQuery.Range("", from, to).TrimStart('?');
        if (filter.RouterId is { } r) query += string.Create(CultureInfo.InvariantCulture, $"&router={r}");
        if (filter.LocationId is { } l) query += string.Create(CultureInfo.InvariantCulture, $"&location={l}");
        return query;
    }

    /// <summary>The routers standing at the location (all without one), and the chosen router wherever it stands.</summary>
    public static IEnumerable<RouterChoice> RoutersAt(CustomerChoices choices, NetworkFilter filter) =>
        choices.Routers.Where(r => filter.LocationId is not { } location || r.LocationCodeId == location || r.Id == filter.RouterId);

    /// <summary>Another location: the chosen router stays only if it stands there.</summary>
    public static NetworkFilter AtLocation(CustomerChoices choices, NetworkFilter filter, int? location) =>
        new(filter.RouterId is { } router && location is { } l && choices.Routers.Any(r => r.Id == router && r.LocationCodeId != l) ? null : filter.RouterId, location);
}
