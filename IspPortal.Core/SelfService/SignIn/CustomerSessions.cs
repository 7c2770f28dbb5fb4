using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.SignIn;

/// <summary>
/// Turns a session token into the customer it belongs to, every time it is used, so a session ended
/// elsewhere (sign out everywhere, a terminated customer) stops at the next click or request.
/// </summary>
public sealed class CustomerSessions(IIspDbFactory dbs, TimeProvider clock)
{
    /// <summary>How stale <see cref="SelfServiceSession.LastSeenAt"/> may get: one write per quarter hour, not one per request.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(15);

    public async Task<SelfServiceCaller?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is null || !token.StartsWith(SelfServiceSession.TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
            return null;
        var hash = SelfServiceSession.HashOf(token);
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        var found = await db.SelfServiceSessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.EndedAt == null && s.ExpiresAt > now)
            .Join(db.Customers.Where(c => c.Status != CustomerStatus.Terminated), s => s.CustomerId, c => c.Id,
                (s, c) => new { s.Id, s.CustomerId, c.Code, s.ExpiresAt, s.LastSeenAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        if (now - found.LastSeenAt > SeenResolution)
            await db.SelfServiceSessions.Where(s => s.Id == found.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        return new SelfServiceCaller(found.CustomerId, found.Code, found.Id, found.ExpiresAt);
    }

    public async Task SignOutAsync(SelfServiceCaller caller, string? address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.SelfServiceSessions.Where(s => s.Id == caller.SessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
        db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.SignedOut, null, address, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>How many sessions were ended, this one included.</returns>
    public async Task<int> SignOutEverywhereAsync(SelfServiceCaller caller, string? address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        var ended = await db.SelfServiceSessions.Where(s => s.CustomerId == caller.CustomerId && s.EndedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
        db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.SignedOutEverywhere,
            $"{ended} sesi diakhiri", address, now));
        await db.SaveChangesAsync(cancellationToken);
        return ended;
    }
}
