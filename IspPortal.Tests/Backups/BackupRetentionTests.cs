using IspPortal.Core.Backups;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Backups;

/// <summary>Grandfather-father-son: 7 daily, 4 weekly, 12 monthly, an archive kept by any rule stays.</summary>
public sealed class BackupRetentionTests
{
    [Fact]
    public void After_a_year_and_more_of_nightly_backups_exactly_the_newest_7_days_4_weeks_and_12_months_are_kept()
    {
        // A nightly backup at 23:59 for 500 days, applying retention after each, as the job does.
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 23, 59, 0, TimeSpan.Zero));
        var kept = new List<DateTime>();
        for (var night = 0; night < 500; night++, clock.Advance(TimeSpan.FromDays(1)))
        {
            kept.Add(clock.GetUtcNow().DateTime);
            foreach (var old in BackupRetention.ToDelete(kept, at => at, new BackupSettings()))
                kept.Remove(old);
        }

        var last = DateOnly.FromDateTime(kept.Max());
        var daily = Enumerable.Range(0, 7).Select(d => last.AddDays(-d)).ToHashSet();
        var weekly = kept.GroupBy(k => (System.Globalization.ISOWeek.GetYear(k), System.Globalization.ISOWeek.GetWeekOfYear(k)))
            .OrderByDescending(g => g.Key).Take(4).Select(g => DateOnly.FromDateTime(g.Max())).ToHashSet();
        var monthly = kept.GroupBy(k => (k.Year, k.Month)).OrderByDescending(g => g.Key).Take(12).Select(g => DateOnly.FromDateTime(g.Max())).ToHashSet();
        Assert.Equal(daily.Union(weekly).Union(monthly).Order(), kept.Select(DateOnly.FromDateTime).Order());
        Assert.Equal(7, kept.Count(k => DateOnly.FromDateTime(k) > last.AddDays(-7)));
        Assert.Equal(12, kept.Select(k => (k.Year, k.Month)).Distinct().Count());
        Assert.Equal(4, weekly.Count);
        // The newest of each of the last 12 months: the month ends, and the newest week's last nights.
        Assert.All(kept.Where(k => DateOnly.FromDateTime(k) <= last.AddDays(-35)), k => Assert.Equal(DateTime.DaysInMonth(k.Year, k.Month), k.Day));
    }

    [Fact]
    public void Several_backups_on_one_day_keep_only_the_days_newest()
    {
        var day = new DateTime(2025, 3, 10, 1, 0, 0);
        DateTime[] archives = [day, day.AddHours(5), day.AddHours(22)];

        var deleted = BackupRetention.ToDelete(archives, at => at, new BackupSettings());

        Assert.Equal([day.AddHours(5), day], deleted);
    }
}
