using System.Globalization;

namespace IspPortal.Core.Backups;

/// <summary>
/// Grandfather-father-son: the newest archive of each of the last <see cref="BackupSettings.KeepDaily"/>
/// days, of each of the last <see cref="BackupSettings.KeepWeekly"/> ISO weeks and of each of the last
/// <see cref="BackupSettings.KeepMonthly"/> months that have one. An archive kept by any rule stays.
/// </summary>
public static class BackupRetention
{
    /// <param name="archives">Archives with the local time (ISP's zone) they were made at.</param>
    /// <returns>The archives no rule keeps.</returns>
    public static IReadOnlyList<T> ToDelete<T>(IEnumerable<T> archives, Func<T, DateTime> madeAt, BackupSettings settings)
    {
        var newestFirst = archives.OrderByDescending(madeAt).ToList();
        var kept = new HashSet<T>();
        Keep(newestFirst, a => DateOnly.FromDateTime(madeAt(a)), settings.KeepDaily, kept);
        Keep(newestFirst, a => (ISOWeek.GetYear(madeAt(a)), ISOWeek.GetWeekOfYear(madeAt(a))), settings.KeepWeekly, kept);
        Keep(newestFirst, a => (madeAt(a).Year, madeAt(a).Month), settings.KeepMonthly, kept);
        return [.. newestFirst.Where(a => !kept.Contains(a))];
    }

    private static void Keep<T, TPeriod>(List<T> newestFirst, Func<T, TPeriod> period, int count, HashSet<T> kept) where TPeriod : notnull
    {
        foreach (var newestOfPeriod in newestFirst.GroupBy(period).Select(g => g.First()).Take(count))
            kept.Add(newestOfPeriod);
    }
}
