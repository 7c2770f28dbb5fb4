using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Identity.Audit;

/// <summary>Dates are the ISP's local calendar days, both inclusive.</summary>
public sealed record AuditFilter(DateOnly From, DateOnly To, string? UserName = null, string? Entity = null, AuditAction? Action = null);

/// <param name="OccurredAt">In the ISP's time zone.</param>
public sealed record AuditLogRow(long Id, DateTimeOffset OccurredAt, string? UserName, AuditAction Action, string Entity, string EntityKey, IReadOnlyList<AuditChange> Changes);

/// <summary>
/// The audit log, newest first. <c>audit_logs</c> is partitioned by month on <c>occurred_at</c>,
/// so every query is bounded by a date range and PostgreSQL reads only those partitions.
/// </summary>
public sealed class AuditLogSearch(IIspDbFactory dbs, IspClock clock)
{
    public const int DefaultDays = 7;

    public async Task<AuditFilter> DefaultFilterAsync(CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(cancellationToken);
        return new AuditFilter(today.AddDays(1 - DefaultDays), today);
    }

    public async Task<PagedResult<AuditLogRow>> PageAsync(AuditFilter filter, PageRequest request, CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var query = Bounded(db, filter, zone);
        if (filter.UserName?.Trim() is { Length: > 0 } userName)
        {
            var pattern = QueryableExtensions.ContainsPattern(userName);
            query = query.Where(l => l.UserName != null && EF.Functions.Like(l.UserName.ToLower(), pattern));
        }
        if (filter.Entity is { Length: > 0 } entity)
            query = query.Where(l => l.Entity == entity);
        if (filter.Action is { } action)
            query = query.Where(l => l.Action == action);

        var total = await query.CountAsync(cancellationToken);
        var logs = await query.OrderByDescending(l => l.OccurredAt).ThenByDescending(l => l.Id)
            .Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        var rows = logs.Select(l => new AuditLogRow(
            l.Id, TimeZoneInfo.ConvertTime(l.OccurredAt, zone), l.UserName, l.Action, l.Entity, l.EntityKey,
            AuditChanges.Parse(l.Changes))).ToList();
        return new PagedResult<AuditLogRow>(rows, total);
    }

    /// <summary>The entities changed within the filter's dates, for the entity select.</summary>
    public async Task<IReadOnlyList<string>> EntitiesAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await Bounded(db, filter, zone).Select(l => l.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
    }

    /// <summary>From local midnight of the first day up to (excluding) local midnight after the last day, in UTC.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) UtcBounds(AuditFilter filter, TimeZoneInfo zone)
    {
        var (first, last) = filter.From <= filter.To ? (filter.From, filter.To) : (filter.To, filter.From);
        return (IspClock.StartOfDay(first, zone), IspClock.StartOfDay(last.AddDays(1), zone));
    }

    private static IQueryable<AuditLog> Bounded(IIspDb db, AuditFilter filter, TimeZoneInfo zone)
    {
        var (from, until) = UtcBounds(filter, zone);
        return db.AuditLogs.AsNoTracking().Where(l => l.OccurredAt >= from && l.OccurredAt < until);
    }
}
