using System.Globalization;
using System.Text;

namespace IspPortal.Core.Network.RouterOs;

/// <summary>RouterOS durations: <c>1w2d3h4m5s</c>, <c>150ms</c>, or <c>hh:mm:ss</c> (ROUTEROS.md §4.3).</summary>
public static class RouterOsDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (text.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
        long ticks = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
            if (i == start || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return false;
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
                i++;
            var unit = text.AsSpan(unitStart, i - unitStart);
            long unitTicks = unit switch
            {
                "w" => TimeSpan.TicksPerDay * 7,
                "d" => TimeSpan.TicksPerDay,
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" or "" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" => TimeSpan.TicksPerMicrosecond,
                _ => -1,
            };
            if (unitTicks < 0)
                return false;
            ticks += value * unitTicks;
        }
        duration = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Whole seconds in the router's own form, e.g. <c>1w2d3h4m5s</c>; zero is <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds <= 0)
            return "0s";
        var text = new StringBuilder();
        Append(text, seconds / 604800, 'w');
        Append(text, seconds % 604800 / 86400, 'd');
        Append(text, seconds % 86400 / 3600, 'h');
        Append(text, seconds % 3600 / 60, 'm');
        Append(text, seconds % 60, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, long value, char unit)
    {
        if (value > 0)
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }
}
