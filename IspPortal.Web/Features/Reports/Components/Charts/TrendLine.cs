using IspPortal.Core.Common;
using IspPortal.Core.Reports.Dashboard;

namespace IspPortal.Web.Features.Reports.Components.Charts;

/// <summary>One series of a <see cref="TrendChart"/>: its name (already localised), points and colour.</summary>
public sealed record TrendLine(string Name, IReadOnlyList<TrendPoint> Points, string Color);

/// <summary>How a trend's values are written.</summary>
public enum TrendFormat
{
    Count,
    Percent,
    Rupiah,
}

public static class TrendText
{
    public static string Format(decimal? value, TrendFormat format) => value is not { } v
        ? "–"
        : format switch
        {
            TrendFormat.Percent => v.ToString("0.#", Rupiah.Indonesia) + "%",
            TrendFormat.Rupiah => Rupiah.Format(v),
            _ => v.ToString("#,0", Rupiah.Indonesia),
        };

    /// <summary>A month as the charts label it: "Mar 25".</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yy", Rupiah.Indonesia);

    public static string Change(decimal change) =>
        (change > 0 ? "+" : "") + change.ToString("0.#", Rupiah.Indonesia) + "%";
}
