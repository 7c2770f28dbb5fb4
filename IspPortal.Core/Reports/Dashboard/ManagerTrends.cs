using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Dashboard;

/// <summary>
/// The manager's twelve-month trends: every <see cref="ITrendSource"/> whose permissions the actor holds
/// (money needs billing.read, tickets tickets.read), over the twelve months ending this month in the
/// ISP's time zone. Needs reports.read.
/// </summary>
public sealed class ManagerTrends(IEnumerable<ITrendSource> sources, ICurrentUser currentUser, IspClock clock, TimeProvider time)
{
    public async Task<Outcome<IReadOnlyList<TrendSeries>>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead))
            return Outcome.Refused<IReadOnlyList<TrendSeries>>("", Actor.NotPermitted);
        var months = new TrendMonths(await clock.TodayAsync(cancellationToken), await clock.ZoneAsync(cancellationToken), time.GetUtcNow());
        var series = new List<TrendSeries>();
        foreach (var source in sources.Where(s => s.Needs.All(actor.Holds)))
            series.AddRange(await source.LoadAsync(months, cancellationToken));
        return Outcome.Done<IReadOnlyList<TrendSeries>>(series);
    }
}
