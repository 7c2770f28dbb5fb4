using System.Globalization;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Sla;

namespace IspPortal.Tests.Tickets;

/// <summary>SLA time across evenings, Sundays and holidays: Monday–Saturday 08:00–17:00 in Jakarta, 17 August off.</summary>
public sealed class BusinessClockTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly BusinessClock Clock = new(new BusinessHoursSettings { Holidays = [new DateOnly(2025, 8, 17), new DateOnly(2025, 8, 18)] }, Jakarta);

    [Theory]
    // Inside the day: plain addition.
    [InlineData("2025-08-12 09:00", 60, "2025-08-12 10:00")]
    // Runs past closing: the rest tomorrow morning.
    [InlineData("2025-08-12 16:30", 60, "2025-08-13 08:30")]
    // Exactly to closing stays that day.
    [InlineData("2025-08-12 16:00", 60, "2025-08-12 17:00")]
    // Opened at night: the clock starts at 08:00.
    [InlineData("2025-08-12 22:15", 15, "2025-08-13 08:15")]
    [InlineData("2025-08-13 06:00", 0, "2025-08-13 08:00")]
    // Saturday afternoon → Sunday off → Monday 17 Aug and Tuesday 18 Aug holidays → Wednesday.
    [InlineData("2025-08-16 16:00", 120, "2025-08-19 09:00")]
    // A day and a half of work (9 h a day) from Friday noon: Friday 5 h, Saturday 9 h, Monday 10:00.
    [InlineData("2025-08-08 12:00", 16 * 60, "2025-08-11 10:00")]
    public void A_target_falls_due_after_that_many_working_minutes(string start, int minutes, string due)
    {
        Assert.Equal(Local(due), Clock.AddBusinessMinutes(Local(start), minutes));
    }

    [Theory]
    [InlineData("2025-08-12 09:00", "2025-08-12 10:30", 90)]
    [InlineData("2025-08-12 16:30", "2025-08-13 08:30", 60)]
    [InlineData("2025-08-12 18:00", "2025-08-13 07:00", 0)]
    [InlineData("2025-08-16 16:00", "2025-08-19 09:00", 120)]
    [InlineData("2025-08-12 10:00", "2025-08-12 09:00", 0)]
    public void Working_minutes_between_two_moments_skip_nights_sundays_and_holidays(string from, string to, double minutes)
    {
        Assert.Equal(minutes, Clock.BusinessMinutesBetween(Local(from), Local(to)));
    }

    [Fact]
    public void Adding_then_measuring_gives_back_the_same_minutes()
    {
        var start = Local("2025-08-15 15:47");
        foreach (var minutes in new[] { 1, 59, 240, 480, 1440, 4320 })
            Assert.Equal(minutes, Clock.BusinessMinutesBetween(start, Clock.AddBusinessMinutes(start, minutes)));
    }

    [Fact]
    public void Hours_that_close_before_they_open_or_have_no_working_day_are_refused()
    {
        var errors = new BusinessHoursSettings { WorkingDays = [], Opens = new TimeOnly(17, 0), Closes = new TimeOnly(8, 0) }.Validate().ToDictionary();

        Assert.Equal("Pilih paling sedikit satu hari kerja.", errors[nameof(BusinessHoursSettings.WorkingDays)].Single());
        Assert.StartsWith("Jam tutup harus setelah jam buka", errors[nameof(BusinessHoursSettings.Closes)].Single(), StringComparison.Ordinal);
    }

    private static DateTimeOffset Local(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(7));
}
