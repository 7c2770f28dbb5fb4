using IspPortal.Core.Settings;

namespace IspPortal.Core.Tickets.Sla;

/// <summary>
/// SLA time in business hours (<see cref="BusinessHoursSettings"/>) in the ISP's zone: when a target of
/// N business minutes after a moment falls due, and how many business minutes lie between two moments.
/// Indonesia has no daylight saving time, so a local day is always 24 hours.
/// </summary>
public sealed class BusinessClock(BusinessHoursSettings hours, TimeZoneInfo zone)
{
    /// <summary>Far enough for any SLA target; a calendar without working days would loop forever.</summary>
    private const int MaxDaysAhead = 3660;

    /// <returns>The UTC moment <paramref name="businessMinutes"/> of working time after <paramref name="start"/>.</returns>
    public DateTimeOffset AddBusinessMinutes(DateTimeOffset start, int businessMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessMinutes);
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var left = TimeSpan.FromMinutes(businessMinutes);
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1), time = TimeOnly.MinValue)
        {
            if (!hours.IsWorkingDay(day) || time >= hours.Closes)
                continue;
            var from = time < hours.Opens ? hours.Opens : time;
            var available = hours.Closes - from;
            if (left <= available)
                return Utc(day, from.Add(left), local.Offset);
            left -= available;
        }
        throw new InvalidOperationException("The business hours have no working day within ten years.");
    }

    /// <returns>Working minutes from <paramref name="from"/> to <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</returns>
    public double BusinessMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return 0;
        var start = TimeZoneInfo.ConvertTime(from, zone);
        var end = TimeZoneInfo.ConvertTime(to, zone);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start.DateTime); day <= DateOnly.FromDateTime(end.DateTime); day = day.AddDays(1))
        {
            if (!hours.IsWorkingDay(day))
                continue;
            var opens = new DateTimeOffset(day.ToDateTime(hours.Opens), start.Offset);
            var closes = new DateTimeOffset(day.ToDateTime(hours.Closes), start.Offset);
            var a = start > opens ? start : opens;
            var b = end < closes ? end : closes;
            if (b > a)
                total += b - a;
        }
        return total.TotalMinutes;
    }

    private static DateTimeOffset Utc(DateOnly day, TimeOnly time, TimeSpan offset) =>
        new DateTimeOffset(day.ToDateTime(time), offset).ToUniversalTime();
}
