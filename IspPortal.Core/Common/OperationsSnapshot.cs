using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Common;

/// <param name="SessionsByRouter">Sessions at each active router's last sync, by router code.</param>
public sealed record OperationsState(
    int RoutersActive, int RoutersReachable, IReadOnlyDictionary<string, int> SessionsByRouter, int OutboxPending, TimeSpan OldestPendingAge, DateTimeOffset? LastBackup)
{
    public static readonly OperationsState Empty = new(0, 0, new Dictionary<string, int>(), 0, TimeSpan.Zero, null);
}

/// <summary>
/// The current state the gauges report, read from the database at most once per <see cref="MaxAge"/>
/// however often and by however many instruments it is scraped. A failed read keeps the last state
/// (a scrape must not fail because the database blinked).
/// </summary>
public sealed class OperationsSnapshot(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private OperationsState _state = OperationsState.Empty;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public OperationsState Current()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt < MaxAge)
                return _state;
            _readAt = now;
            try
            {
                // Gauge callbacks are synchronous; this runs once per MaxAge on the scrape's thread.
                _state = Task.Run(() => ReadAsync(now)).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException or TimeoutException or System.Data.Common.DbException)
            {
                // Keep the last state; the next scrape after MaxAge tries again.
            }
            return _state;
        }
    }

    private async Task<OperationsState> ReadAsync(DateTimeOffset now)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync();
        var routers = await db.Routers.AsNoTracking().Where(r => r.IsActive)
            .Select(r => new { r.Code, r.Health, r.ActiveSessions }).ToListAsync();
        var pending = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(m => m.CreatedAt) })
            .SingleOrDefaultAsync();
        var lastBackup = await scope.ServiceProvider.GetRequiredService<IBackupStatus>().LastSuccessAsync();
        return new OperationsState(
            routers.Count,
            routers.Count(r => r.Health == RouterHealth.Up),
            routers.Where(r => r.ActiveSessions is not null).GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Sum(r => r.ActiveSessions!.Value)),
            pending?.Count ?? 0,
            pending is null || pending.Oldest >= now ? TimeSpan.Zero : now - pending.Oldest,
            lastBackup);
    }
}
