using IspPortal.Core.Common;
using IspPortal.Core.Tickets.Sla;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Analytics;

/// <param name="Month">The first day of the month.</param>
/// <param name="Opened">Tickets opened in the month (cancelled ones too), as <see cref="TicketAnalyticsReport.Opened"/> counts them.</param>
/// <param name="Resolved">Tickets resolved in the month, whenever opened (the analytics' daily chart).</param>
/// <param name="SlaMet">Of the tickets opened in the month, not cancelled: resolution SLA met.</param>
/// <param name="SlaMissed">Resolved late, or still open past the deadline.</param>
[FeatureApi]
public sealed record TicketMonth(DateOnly Month, int Opened, int Resolved, int SlaMet, int SlaMissed)
{
    /// <summary>As <see cref="Compliance.Percent"/>: met ÷ (met + missed), rounded to 0.1; null when no outcome is known.</summary>
    public double? SlaPercent => new Compliance(SlaMet, SlaMissed).Percent;
}

/// <summary>
/// Tickets per month for the manager's trends, measured as <see cref="TicketAnalytics"/> measures a range
/// (the SLA as the screens' chips: <see cref="TicketSla"/>), so a month here equals the analytics page over that month.
/// </summary>
[FeatureApi]
public static class TicketMonths
{
    /// <param name="months">First days of the months, oldest first.</param>
    public static async Task<IReadOnlyList<TicketMonth>> ForAsync(IIspDb db, IReadOnlyList<DateOnly> months, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (months.Count == 0)
            return [];
        var start = IspClock.StartOfDay(months[0], zone);
        var end = IspClock.StartOfDay(months[^1].AddMonths(1), zone);
        var opened = await db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end)
            .Select(t => new { t.Status, t.CreatedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.ResolutionDueAt, t.ResolvedAt, t.ClosedAt })
            .ToListAsync(cancellationToken);
        var resolved = await db.Tickets.AsNoTracking().Where(t => t.ResolvedAt >= start && t.ResolvedAt < end)
            .Select(t => t.ResolvedAt!.Value).ToListAsync(cancellationToken);

        DateOnly MonthOf(DateTimeOffset at)
        {
            var day = IspClock.DayOf(at, zone);
            return new DateOnly(day.Year, day.Month, 1);
        }

        var slas = opened.Select(t => TicketSla.Of(t.Status, t.CreatedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.ResolutionDueAt, t.ResolvedAt, t.ClosedAt)).ToList();
        var resolvedPerMonth = resolved.GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Count());
        return [.. months.Select(month =>
        {
            var mine = slas.Where(s => MonthOf(s.StartedAt) == month).ToList();
            var standings = mine.Where(s => s.Status != TicketStatus.Cancelled).Select(s => s.Resolution.StandingAt(now, s.StartedAt)).ToList();
            return new TicketMonth(month, mine.Count, resolvedPerMonth.GetValueOrDefault(month),
                standings.Count(s => s == SlaStanding.Met), standings.Count(s => s is SlaStanding.Missed or SlaStanding.Breached));
        })];
    }
}
