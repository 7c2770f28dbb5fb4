using System.Globalization;

namespace IspPortal.Core.Finance.Periods;

/// <summary>Months as Finance reads them in messages ("November 2026").</summary>
public static class PeriodText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static DateOnly FirstDayOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Indonesian);
}
