namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// A schedule's moments: the day and hour on the ISP's wall clock, stored as UTC. A wall-clock hour a daylight-saving change skips
/// runs an hour later; one it repeats runs at its first (standard-offset) reading.
/// </summary>
public static class ScheduleTimes
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(ScheduleFrequency frequency, int day, int hour, TimeZoneInfo zone, DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        if (frequency == ScheduleFrequency.Monthly)
        {
            var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            for (var i = 0; ; i++)
            {
                var at = ToUtc(month.AddMonths(i).AddDays(day - 1).AddHours(hour), zone);
                if (at > after)
                    return at;
            }
        }
        for (var i = 0; ; i++)
        {
            var date = local.Date.AddDays(i);
            if ((int)date.DayOfWeek != day)
                continue;
            var at = ToUtc(DateTime.SpecifyKind(date, DateTimeKind.Unspecified).AddHours(hour), zone);
            if (at > after)
                return at;
        }
    }

    /// <summary>The latest occurrence at or before <paramref name="now"/>, counting from a due moment <paramref name="due"/> that has passed.</summary>
    public static DateTimeOffset Latest(ScheduleFrequency frequency, int day, int hour, TimeZoneInfo zone, DateTimeOffset due, DateTimeOffset now)
    {
        var latest = due;
        for (var next = Next(frequency, day, hour, zone, latest); next <= now; next = Next(frequency, day, hour, zone, latest))
            latest = next;
        return latest;
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
