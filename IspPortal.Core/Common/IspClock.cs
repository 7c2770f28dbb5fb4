using IspPortal.Core.Settings;

namespace IspPortal.Core.Common;

/// <summary>Times as the ISP's people read them: converted from UTC into the zone in settings.</summary>
public sealed class IspClock(PortalSettings settings, TimeProvider clock)
{
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken = default)
    {
        var regional = await settings.GetAsync<RegionalSettings>(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(regional.TimeZone);
    }

    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(cancellationToken));

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        DayOf(clock.GetUtcNow(), await ZoneAsync(cancellationToken));

    /// <summary>Local midnight of <paramref name="day"/> in <paramref name="zone"/>, as the UTC moment stored.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The date a stored moment falls on for the ISP's people.</summary>
    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
