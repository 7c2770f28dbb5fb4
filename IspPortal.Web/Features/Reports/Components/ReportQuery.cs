using System.Globalization;

namespace IspPortal.Web.Features.Reports.Components;

/// <summary>The statements' days in the address (<c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>), so a statement can be linked and reloaded.</summary>
public static class ReportQuery
{
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Range(string path, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
}
