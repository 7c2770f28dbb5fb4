using IspPortal.Core.Reports.Statements;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// The days a saved report covers, fixed or relative to the ISP's today when it is opened or sent, so "last month's P&amp;L"
/// can be scheduled once and mean a new month every time.
/// </summary>
public enum RelativePeriod
{
    /// <summary>The dates stored in the filters (<c>from</c>, <c>to</c>, <c>asOf</c>).</summary>
    Fixed,
    ThisMonth,
    LastMonth,
    LastQuarter,
    YearToDate,
    LastYear,
}

public static class RelativePeriods
{
    public static string Label(RelativePeriod period) => period switch
    {
        RelativePeriod.Fixed => "Tanggal tetap",
        RelativePeriod.ThisMonth => "Bulan ini",
        RelativePeriod.LastMonth => "Bulan lalu",
        RelativePeriod.LastQuarter => "Kuartal lalu",
        RelativePeriod.YearToDate => "Tahun berjalan",
        _ => "Tahun lalu",
    };

    /// <summary>
    /// The range the period means on <paramref name="today"/>: this month and this year run to today; last month, last quarter
    /// and last year are whole. A date report (neraca, piutang) takes the range's last day. Null for <see cref="RelativePeriod.Fixed"/>.
    /// </summary>
    public static DayRange? Resolve(RelativePeriod period, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var year = new DateOnly(today.Year, 1, 1);
        return period switch
        {
            RelativePeriod.ThisMonth => new DayRange(month, today),
            RelativePeriod.LastMonth => new DayRange(month.AddMonths(-1), month.AddDays(-1)),
            RelativePeriod.LastQuarter => new DayRange(quarter.AddMonths(-3), quarter.AddDays(-1)),
            RelativePeriod.YearToDate => new DayRange(year, today),
            RelativePeriod.LastYear => new DayRange(year.AddYears(-1), year.AddDays(-1)),
            _ => null,
        };
    }
}
