using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Saved;

namespace IspPortal.Tests.Reports;

/// <summary>Saved reports without a database: entity rules, relative periods, the schedule's due moments and the sources' filter checks.</summary>
public sealed class SavedReportRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Jayapura = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jayapura");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0007b")]
    public void A_saved_report_needs_a_printable_name(string name) =>
        Assert.Throws<ArgumentException>(() => new SavedReport(Guid.NewGuid(), name, "profit-loss", RelativePeriod.LastMonth, "", Now));

    [Fact]
    public void A_saved_report_trims_its_name_and_refuses_101_characters()
    {
        var report = new SavedReport(Guid.NewGuid(), "  Laba rugi bulanan ", "profit-loss", RelativePeriod.LastMonth, "", Now);

        Assert.Equal("Laba rugi bulanan", report.Name);
        Assert.Throws<ArgumentException>(() => report.Rename(new string('x', 101), Now));
        report.Rename(new string('x', 100), Now);
        Assert.Equal(100, report.Name.Length);
        Assert.Throws<ArgumentException>(() => report.ChangeFilters(RelativePeriod.Fixed, new string('a', 1001), Now));
    }

    [Theory]
    [InlineData(ScheduleFrequency.Monthly, 0, 8)]
    [InlineData(ScheduleFrequency.Monthly, 29, 8)]
    [InlineData(ScheduleFrequency.Weekly, 7, 8)]
    [InlineData(ScheduleFrequency.Weekly, -1, 8)]
    [InlineData(ScheduleFrequency.Monthly, 2, 24)]
    [InlineData(ScheduleFrequency.Monthly, 2, -1)]
    public void A_schedule_refuses_days_and_hours_out_of_range(ScheduleFrequency frequency, int day, int hour) =>
        Assert.ThrowsAny<ArgumentException>(() => new ReportSchedule(1, Now).Change(frequency, day, hour, ExportFormat.Pdf, [Guid.NewGuid()], true, Jakarta, Now));

    [Fact]
    public void A_schedule_needs_recipients_and_pdf_or_xlsx()
    {
        var schedule = new ReportSchedule(1, Now);

        Assert.Throws<ArgumentException>(() => schedule.Change(ScheduleFrequency.Monthly, 2, 8, ExportFormat.Pdf, [], true, Jakarta, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Change(ScheduleFrequency.Monthly, 2, 8, ExportFormat.Csv, [Guid.NewGuid()], true, Jakarta, Now));
        var one = Guid.NewGuid();
        schedule.Change(ScheduleFrequency.Monthly, 2, 8, ExportFormat.Xlsx, [one, one], true, Jakarta, Now);
        Assert.Equal([one], schedule.RecipientIds);
    }

    public static TheoryData<string, ScheduleFrequency, int, int, string, string> DueCases => new()
    {
        // zone, frequency, day, hour, after (UTC), next (UTC)
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 2, 8, "2026-11-05T03:00:00Z", "2026-12-02T01:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 2, 8, "2026-11-02T00:59:59Z", "2026-11-02T01:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 2, 8, "2026-11-02T01:00:00Z", "2026-12-02T01:00:00Z" },
        // 31 December 20:00 UTC is already 1 January in Jakarta: the 1st at 02:00 local is 19:00 UTC on the 31st.
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 1, 2, "2026-12-31T18:00:00Z", "2026-12-31T19:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 1, 0, "2026-12-31T17:00:00Z", "2027-01-31T17:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 28, 23, "2027-02-28T15:59:00Z", "2027-02-28T16:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Monthly, 28, 23, "2027-02-28T16:00:00Z", "2027-03-28T16:00:00Z" },
        { "Asia/Jayapura", ScheduleFrequency.Monthly, 1, 7, "2026-01-31T23:00:00Z", "2026-02-28T22:00:00Z" },
        { "Asia/Jayapura", ScheduleFrequency.Monthly, 1, 7, "2026-01-31T21:00:00Z", "2026-01-31T22:00:00Z" },
        // Weekly: 5 November 2026 is a Thursday; Monday = 1.
        { "Asia/Jakarta", ScheduleFrequency.Weekly, 1, 8, "2026-11-05T03:00:00Z", "2026-11-09T01:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Weekly, 4, 11, "2026-11-05T03:00:00Z", "2026-11-05T04:00:00Z" },
        { "Asia/Jakarta", ScheduleFrequency.Weekly, 4, 10, "2026-11-05T03:00:00Z", "2026-11-12T03:00:00Z" },
        // Across a daylight-saving change: 29 March 2026 02:00 does not exist in Berlin (runs at 03:00 CEST = 01:00 UTC).
        { "Europe/Berlin", ScheduleFrequency.Weekly, 0, 2, "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z" },
        { "Europe/Berlin", ScheduleFrequency.Monthly, 2, 8, "2026-03-15T00:00:00Z", "2026-04-02T06:00:00Z" },
        { "Europe/Berlin", ScheduleFrequency.Monthly, 2, 8, "2026-02-15T00:00:00Z", "2026-03-02T07:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(DueCases))]
    public void Next_due_is_the_wall_clock_hour_in_the_isp_zone_stored_in_utc(string zone, ScheduleFrequency frequency, int day, int hour, string after, string next) =>
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            ScheduleTimes.Next(frequency, day, hour, TimeZoneInfo.FindSystemTimeZoneById(zone), DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void After_downtime_only_the_latest_missed_occurrence_is_due()
    {
        var first = new DateTimeOffset(2026, 8, 2, 1, 0, 0, TimeSpan.Zero);
        var now = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), ScheduleTimes.Latest(ScheduleFrequency.Monthly, 2, 8, Jakarta, first, now));
        Assert.Equal(first, ScheduleTimes.Latest(ScheduleFrequency.Monthly, 2, 8, Jakarta, first, first.AddDays(1)));
        _ = Jayapura;
        _ = Berlin;
    }

    public static TheoryData<RelativePeriod, string, string, string> PeriodCases => new()
    {
        { RelativePeriod.ThisMonth, "2026-11-05", "2026-11-01", "2026-11-05" },
        { RelativePeriod.LastMonth, "2026-11-05", "2026-10-01", "2026-10-31" },
        { RelativePeriod.LastMonth, "2026-03-31", "2026-02-01", "2026-02-28" },
        { RelativePeriod.LastMonth, "2027-01-01", "2026-12-01", "2026-12-31" },
        { RelativePeriod.LastQuarter, "2026-11-05", "2026-07-01", "2026-09-30" },
        { RelativePeriod.LastQuarter, "2026-02-10", "2025-10-01", "2025-12-31" },
        { RelativePeriod.YearToDate, "2026-11-05", "2026-01-01", "2026-11-05" },
        { RelativePeriod.LastYear, "2026-11-05", "2025-01-01", "2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void Relative_periods_resolve_against_the_day(RelativePeriod period, string today, string from, string to)
    {
        var range = RelativePeriods.Resolve(period, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))!.Value;

        Assert.Equal((from, to), (range.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), range.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_relative_period_fills_the_dates_of_the_link_and_a_date_report_takes_its_last_day()
    {
        var today = new DateOnly(2026, 11, 5);
        var pnl = new ProfitLossSource(null!, null!);
        var aging = new AgingSource(null!, null!);

        Assert.Equal("/reports/profit-loss?from=2026-10-01&to=2026-10-31",
            pnl.Link(ReportParameters.Parse("?from=2020-01-01&to=2020-01-31", RelativePeriod.LastMonth), today));
        Assert.Equal("/reports/receivables?asOf=2026-09-30&locationId=3",
            aging.Link(ReportParameters.Parse("locationId=3", RelativePeriod.LastQuarter), today));
        Assert.Equal("/reports/receivables?asOf=2026-11-05", aging.Link(ReportParameters.None, today));
        Assert.Equal("Oktober 2026", ReportMailer.PeriodText(pnl.Resolve(ReportParameters.Parse("", RelativePeriod.LastMonth), today)));
        Assert.Equal("per 30 September 2026", ReportMailer.PeriodText(aging.Resolve(ReportParameters.Parse("", RelativePeriod.LastQuarter), today)));
    }

    public static TheoryData<string, string, RelativePeriod, string, string> BadFilters => new()
    {
        { "profit-loss", "from=2026-01-01&to=2026-01-31&locationId=1", RelativePeriod.Fixed, "locationId", "Filter \"locationId\" tidak dikenal untuk laporan Laba rugi." },
        { "profit-loss", "from=2026-01-01", RelativePeriod.Fixed, "to", ReportSource.RangeRequired },
        { "profit-loss", "from=2026-13-01&to=2026-01-31", RelativePeriod.Fixed, "from", ReportSource.BadDate },
        { "profit-loss", "from=2026-02-01&to=2026-01-31", RelativePeriod.Fixed, "to", "Tanggal akhir tidak boleh sebelum tanggal awal." },
        { "aging", "locationId=abc", RelativePeriod.LastMonth, "locationId", "Isi satu bilangan bulat positif." },
        { "aging", "status=Hilang", RelativePeriod.Fixed, "status", "Status pelanggan tidak dikenal." },
        { "aging", "asOf=kemarin", RelativePeriod.Fixed, "asOf", ReportSource.BadDate },
        { "balance-sheet", "to=2026-01-31&x%00y=1", RelativePeriod.Fixed, "x\0y", "Filter \"xy\" tidak dikenal untuk laporan Neraca." },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public void Sources_refuse_unknown_filters_and_bad_values_in_indonesian(string key, string query, RelativePeriod period, string field, string message)
    {
        IReportSource source = key switch
        {
            "profit-loss" => new ProfitLossSource(null!, null!),
            "aging" => new AgingSource(null!, null!),
            _ => new BalanceSheetSource(null!, null!),
        };

        var errors = source.Check(ReportParameters.Parse(query, period)).ToDictionary();

        Assert.Equal(message, Assert.Single(errors[field]));
    }

    [Fact]
    public void Good_filters_pass_and_are_stored_in_order_without_the_dates_of_a_relative_period()
    {
        var aging = new AgingSource(null!, null!);
        var parameters = ReportParameters.Parse("?status=Active&asOf=2026-01-31&locationId=3", RelativePeriod.LastMonth);

        Assert.False(aging.Check(parameters).Any);
        Assert.Equal("locationId=3&status=Active", aging.Normalise(parameters).Query);
        Assert.Equal("asOf=2026-01-31&locationId=3&status=Active", aging.Normalise(parameters with { Period = RelativePeriod.Fixed }).Query);
    }
}
