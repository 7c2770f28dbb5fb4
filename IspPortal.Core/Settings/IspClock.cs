namespace IspPortal.Core.Settings;

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
        DateOnly.FromDateTime((await NowAsync(cancellationToken)).DateTime);
}
