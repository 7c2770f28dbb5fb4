using IspPortal.Core.Common;
using IspPortal.Core.Reports.Network;

namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// Which days of one or more report windows (ranges, numbered from 0) are read from the stored minutes and which are computed live: a day is
/// read from the store when it is stored and clean (<see cref="UptimeStoreSql.CleanDays"/>) and ends inside its window; every other day (today,
/// dirty or missing ones) is computed live, consecutive ones as one window (<see cref="Live"/>, with the range each belongs to).
/// A month whose every day is in one range and read from the store is read from its totals, consecutive ones of a range as one run (the
/// running totals at its last month less those before its first); the other stored days from their day bits and rows. Without a filter,
/// every stored day is also read from the network's day totals (<see cref="StoredDays"/>).
/// </summary>
internal sealed class UptimePlan
{
    public List<(DateTimeOffset Start, DateTimeOffset End, int Range)> Live { get; } = [];

    public List<(DateOnly Month, int Range)> WholeMonths { get; } = [];

    public List<(DateOnly Month, int Mask, int Range)> PartMonths { get; } = [];

    public List<(DateOnly Day, int Range)> PartDays { get; } = [];

    public List<(DateOnly Day, int Range)> StoredDays { get; } = [];

    /// <summary><see cref="WholeMonths"/> as runs of consecutive months of one range.</summary>
    public IReadOnlyList<(DateOnly First, DateOnly Last, int Range)> Runs =>
        WholeMonths.Aggregate(new List<(DateOnly First, DateOnly Last, int Range)>(), (runs, m) =>
        {
            if (runs.Count > 0 && runs[^1].Range == m.Range && runs[^1].Last.AddMonths(1) == m.Month)
                runs[^1] = runs[^1] with { Last = m.Month };
            else
                runs.Add((m.Month, m.Month, m.Range));
            return runs;
        });

    public bool AnyStored => WholeMonths.Count + PartMonths.Count > 0;

    public static UptimePlan Of(IReadOnlyList<NetworkWindow> windows, IReadOnlySet<DateOnly> clean, TimeZoneInfo zone)
    {
        var plan = new UptimePlan();
        for (var range = 0; range < windows.Count; range++)
        {
            var window = windows[range];
            var stored = new List<DateOnly>();
            (DateTimeOffset Start, DateTimeOffset End)? live = null;
            for (var day = window.From; day <= window.To; day = day.AddDays(1))
            {
                var start = IspClock.StartOfDay(day, zone);
                var end = IspClock.StartOfDay(day.AddDays(1), zone);
                if (clean.Contains(day) && end <= window.End)
                {
                    stored.Add(day);
                    plan.Close(ref live, range);
                    continue;
                }
                start = start < window.Start ? window.Start : start;
                end = end > window.End ? window.End : end;
                if (start >= end)
                    continue;
                live = live is { } open ? (open.Start, end) : (start, end);
            }
            plan.Close(ref live, range);
            plan.StoredDays.AddRange(stored.Select(d => (d, range)));
            foreach (var month in stored.GroupBy(d => new DateOnly(d.Year, d.Month, 1)))
            {
                var days = month.ToList();
                if (days.Count == DateTime.DaysInMonth(month.Key.Year, month.Key.Month))
                {
                    plan.WholeMonths.Add((month.Key, range));
                    continue;
                }
                plan.PartMonths.Add((month.Key, days.Aggregate(0, (mask, d) => mask | (1 << (d.Day - 1))), range));
                plan.PartDays.AddRange(days.Select(d => (d, range)));
            }
        }
        return plan;
    }

    private void Close(ref (DateTimeOffset Start, DateTimeOffset End)? live, int range)
    {
        if (live is { } span)
            Live.Add((span.Start, span.End, range));
        live = null;
    }
}
