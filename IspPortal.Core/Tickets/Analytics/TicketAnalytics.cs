using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets.Sla;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Analytics;

/// <param name="From">First day, in the ISP's time zone.</param>
/// <param name="To">Last day, inclusive.</param>
public sealed record TicketAnalyticsFilter(DateOnly From, DateOnly To, int? CategoryId = null, TicketChannel? Channel = null)
{
    public const int MaxDays = 366;
}

/// <summary>Median and 90th percentile of a duration, in business minutes (the SLA's own clock); null without samples.</summary>
public sealed record DurationStats(int Samples, double? MedianMinutes, double? P90Minutes);

/// <summary>Share of tickets that met a target, of those whose outcome is known (met, or missed: late or still open past the deadline).</summary>
public sealed record Compliance(int Met, int Missed)
{
    public double? Percent => Met + Missed == 0 ? null : Math.Round(100.0 * Met / (Met + Missed), 1);
}

public sealed record VolumeSlice(string Label, int Count);

public sealed record DailyVolume(DateOnly Day, int Opened, int Resolved);

/// <param name="OpenNow">Workload today, whatever the date filter.</param>
public sealed record AgentPerformance(
    Guid UserId, string Name, int Assigned, int Resolved, int OpenNow, double? MedianResolutionMinutes, Compliance ResolutionSla, double? AverageRating, int Ratings);

public sealed record TicketAnalyticsReport(
    TicketAnalyticsFilter Filter, int Opened, int Resolved, int Cancelled, DurationStats FirstResponse, DurationStats Resolution,
    Compliance FirstResponseSla, Compliance ResolutionSla, double? AverageRating, int Ratings,
    IReadOnlyList<VolumeSlice> ByCategory, IReadOnlyList<VolumeSlice> ByChannel, IReadOnlyList<DailyVolume> Daily, IReadOnlyList<AgentPerformance> Agents);

/// <summary>
/// The numbers a manager reads about tickets opened in a date range: how fast the first answer and the
/// fix came (median and p90, in business minutes like the SLA), how many met their SLA, where the
/// volume comes from, and how each technician or agent is doing. Computed from the tickets themselves,
/// so it always agrees with the SLA chips and escalations.
/// </summary>
public sealed class TicketAnalytics(IIspDbFactory dbs, PortalSettings settings, IspClock ispClock, TimeProvider clock)
{
    public const string Uncategorised = "Tanpa kategori";

    public async Task<Outcome<TicketAnalyticsReport>> ExecuteAsync(TicketAnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors()
            .When(filter.To < filter.From, nameof(filter.To), "Tanggal akhir harus sama dengan atau setelah tanggal awal.")
            .When(filter.To.DayNumber - filter.From.DayNumber >= TicketAnalyticsFilter.MaxDays, nameof(filter.To), $"Rentang paling panjang {TicketAnalyticsFilter.MaxDays} hari.");
        if (errors.Any)
            return Outcome.Refused<TicketAnalyticsReport>(errors);

        var zone = await ispClock.ZoneAsync(cancellationToken);
        var business = new BusinessClock(await settings.GetAsync<BusinessHoursSettings>(cancellationToken), zone);
        var start = IspClock.StartOfDay(filter.From, zone);
        var end = IspClock.StartOfDay(filter.To.AddDays(1), zone);
        var now = clock.GetUtcNow();

        await using var db = await dbs.CreateAsync(cancellationToken);
        var scoped = db.Tickets.AsNoTracking();
        if (filter.CategoryId is { } categoryId)
            scoped = scoped.Where(t => t.CategoryId == categoryId);
        if (filter.Channel is { } channel)
            scoped = scoped.Where(t => t.Channel == channel);
        var rows = await scoped.Where(t => t.CreatedAt >= start && t.CreatedAt < end)
            .Select(t => new
            {
                t.Status, t.CreatedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.ResolutionDueAt, t.ResolvedAt, t.ClosedAt, t.Channel,
                CategoryName = t.Category != null ? t.Category.Name : null, t.AssigneeId, t.Rating,
            })
            .ToListAsync(cancellationToken);
        // Measured as the screens' SLA chips measure it (TicketSla): resolving or closing also answers the customer.
        var tickets = rows.Select(t => new Sample(
                TicketSla.Of(t.Status, t.CreatedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.ResolutionDueAt, t.ResolvedAt, t.ClosedAt),
                t.ResolvedAt, t.Channel, t.CategoryName, t.AssigneeId, t.Rating))
            .ToList();
        var resolvedByDay = await scoped.Where(t => t.ResolvedAt >= start && t.ResolvedAt < end).Select(t => t.ResolvedAt!.Value).ToListAsync(cancellationToken);
        // The workload panel's own "in hand" statuses, so both screens give an agent the same number.
        var openNow = await db.Tickets.Where(t => t.AssigneeId != null && TicketWorkload.InHand.Contains(t.Status))
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var counted = tickets.Where(t => t.Status != TicketStatus.Cancelled).ToList();
        var agentIds = counted.Select(t => t.AssigneeId).OfType<Guid>().Union(openNow.Keys).ToList();
        var names = await db.Users.Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);

        var days = Enumerable.Range(0, filter.To.DayNumber - filter.From.DayNumber + 1).Select(filter.From.AddDays).ToList();
        var openedPerDay = tickets.GroupBy(t => IspClock.DayOf(t.CreatedAt, zone)).ToDictionary(g => g.Key, g => g.Count());
        var resolvedPerDay = resolvedByDay.GroupBy(at => IspClock.DayOf(at, zone)).ToDictionary(g => g.Key, g => g.Count());
        var rated = counted.Where(t => t.Rating is not null).ToList();

        return Outcome.Done(new TicketAnalyticsReport(
            filter,
            tickets.Count,
            counted.Count(t => t.ResolvedAt is not null),
            tickets.Count - counted.Count,
            Stats(Minutes(counted, s => s.FirstResponse, business)),
            Stats(Minutes(counted, s => s.Resolution, business)),
            Sla(counted, s => s.FirstResponse, now),
            Sla(counted, s => s.Resolution, now),
            rated.Count == 0 ? null : Math.Round(rated.Average(t => t.Rating!.Value), 2),
            rated.Count,
            [.. tickets.GroupBy(t => t.CategoryName ?? Uncategorised).Select(g => new VolumeSlice(g.Key, g.Count())).OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)],
            [.. tickets.GroupBy(t => t.Channel).Select(g => new VolumeSlice(g.Key.ToString(), g.Count())).OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)],
            [.. days.Select(d => new DailyVolume(d, openedPerDay.GetValueOrDefault(d), resolvedPerDay.GetValueOrDefault(d)))],
            [.. agentIds.Select(id =>
                {
                    var mine = counted.Where(t => t.AssigneeId == id).ToList();
                    var ratings = mine.Where(t => t.Rating is not null).ToList();
                    return new AgentPerformance(id, names.GetValueOrDefault(id, "?"), mine.Count, mine.Count(t => t.ResolvedAt is not null), openNow.GetValueOrDefault(id),
                        Stats(Minutes(mine, s => s.Resolution, business)).MedianMinutes, Sla(mine, s => s.Resolution, now),
                        ratings.Count == 0 ? null : Math.Round(ratings.Average(t => t.Rating!.Value), 2), ratings.Count);
                })
                .OrderByDescending(a => a.Assigned + a.OpenNow).ThenBy(a => a.Name, StringComparer.Ordinal)]));
    }

    /// <summary>For the category filter: every category, inactive ones too (old tickets keep theirs).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var categories = await db.TicketCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return [.. categories.Select(c => (c.Id, c.Name))];
    }

    /// <summary>Nearest-rank percentiles: a reported value is always one that really happened.</summary>
    public static DurationStats Stats(IEnumerable<double> minutes)
    {
        var sorted = minutes.Order().ToList();
        return sorted.Count == 0
            ? new DurationStats(0, null, null)
            : new DurationStats(sorted.Count, Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    private static double Percentile(List<double> sorted, double share) =>
        Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)], 1);

    /// <summary>Business minutes from opening to meeting <paramref name="target"/>, for the tickets that met it (on time or late).</summary>
    private static IEnumerable<double> Minutes(IEnumerable<Sample> tickets, Func<TicketSla, SlaTarget> target, BusinessClock business) =>
        tickets.Select(t => target(t.Sla).MetAt is { } at ? business.BusinessMinutesBetween(t.Sla.StartedAt, at) : (double?)null).OfType<double>();

    /// <summary>Met, or missed (late, or still open past the deadline); tickets still on time are not counted yet.</summary>
    private static Compliance Sla(IEnumerable<Sample> tickets, Func<TicketSla, SlaTarget> target, DateTimeOffset now)
    {
        var standings = tickets.Select(t => target(t.Sla).StandingAt(now, t.Sla.StartedAt)).ToList();
        return new Compliance(standings.Count(s => s == SlaStanding.Met), standings.Count(s => s is SlaStanding.Missed or SlaStanding.Breached));
    }

    private sealed record Sample(TicketSla Sla, DateTimeOffset? ResolvedAt, TicketChannel Channel, string? CategoryName, Guid? AssigneeId, int? Rating)
    {
        public DateTimeOffset CreatedAt => Sla.StartedAt;

        public TicketStatus Status => Sla.Status;
    }
}
