using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace IspPortal.Web.Features.Tickets.Components;

/// <summary>Time to or past an SLA deadline as people say it: "2 jam 15 menit lagi", "terlambat 30 menit".</summary>
public static class SlaDurations
{
    public static string Remaining(TimeSpan left, IStringLocalizer<SharedStrings> localizer)
    {
        var span = left.Duration();
        var text = span.TotalDays >= 1
            ? localizer["{0} hari {1} jam", (int)span.TotalDays, span.Hours].Value
            : span.TotalHours >= 1
                ? localizer["{0} jam {1} menit", (int)span.TotalHours, span.Minutes].Value
                : localizer["{0} menit", Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))].Value;
        return left >= TimeSpan.Zero ? localizer["{0} lagi", text].Value : localizer["terlambat {0}", text].Value;
    }
}
