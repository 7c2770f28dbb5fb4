using System.Globalization;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <summary>
/// A part of the books by the dimensions journal lines carry: the lines tagged with a location and/or a router (billing posts its
/// customer's, assets their own, manual journals what the user chose). Shared costs on untagged lines (most expenses, cash, bank,
/// payables) belong to no segment, so a segment has a profit and loss but no balance sheet of its own.
/// </summary>
[FeatureApi]
public sealed record LedgerSegment(int? LocationId, int? RouterId)
{
    public static readonly LedgerSegment None = new(null, null);

    public bool Any => LocationId is not null || RouterId is not null;

    public IQueryable<JournalLine> Apply(IQueryable<JournalLine> lines)
    {
        if (LocationId is { } location)
            lines = lines.Where(l => l.LocationCodeId == location);
        if (RouterId is { } router)
            lines = lines.Where(l => l.RouterId == router);
        return lines;
    }

    /// <summary>"Lokasi BDG · Router RTR-01" for the headers of what is limited to the segment; null for none.</summary>
    public async Task<string?> DescribeAsync(IIspDb db, CancellationToken cancellationToken)
    {
        var parts = new List<string>(2);
        if (LocationId is { } location)
            parts.Add("Lokasi " + (await db.LocationCodes.AsNoTracking().Where(l => l.Id == location).Select(l => l.Code).SingleOrDefaultAsync(cancellationToken) ?? $"#{location}"));
        if (RouterId is { } router)
            parts.Add("Router " + (await db.Routers.AsNoTracking().Where(r => r.Id == router).Select(r => r.Code).SingleOrDefaultAsync(cancellationToken) ?? $"#{router}"));
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>The segment in an address, <c>&amp;location=…&amp;router=…</c> (empty for none), the names the pages and the API read.</summary>
    public string Query()
    {
        var query = "";
        if (LocationId is { } location) query += string.Create(CultureInfo.InvariantCulture, $"&location={location}");
        if (RouterId is { } router) query += string.Create(CultureInfo.InvariantCulture, $"&router={router}");
        return query;
    }
}
