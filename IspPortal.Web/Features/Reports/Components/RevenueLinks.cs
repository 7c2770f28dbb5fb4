using System.Globalization;
using IspPortal.Core.Reports.Revenue;

namespace IspPortal.Web.Features.Reports.Components;

/// <summary>The revenue page's months and filters in its address (<c>?from=YYYY-MM&amp;to=YYYY-MM&amp;location=…</c>), the same names the API reads.</summary>
public static class RevenueLinks
{
    public static DateOnly? Month(string? text) => Core.Reports.Saved.FilterValues.Month(text);

    public static string Query(MonthRange range, RevenueFilter filter)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"from={range.From:yyyy-MM}&to={range.To:yyyy-MM}");
        if (filter.LocationId is { } l) query += string.Create(CultureInfo.InvariantCulture, $"&location={l}");
        if (filter.RouterId is { } r) query += string.Create(CultureInfo.InvariantCulture, $"&router={r}");
        if (filter.PackageId is { } p) query += string.Create(CultureInfo.InvariantCulture, $"&package={p}");
        return query;
    }

    /// <summary>"Feb 2025".</summary>
    public static string MonthName(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>"12,5%".</summary>
    public static string Percent(decimal? share) => share is { } s ? (s * 100m).ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) + "%" : "–";
}
