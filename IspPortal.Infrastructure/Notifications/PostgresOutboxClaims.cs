using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Notifications;

/// <summary>
/// <c>FOR UPDATE SKIP LOCKED</c> claims: dispatchers on several instances take disjoint messages,
/// and a message whose lease ran out (its sender died) is due again.
/// </summary>
public sealed class PostgresOutboxClaims(IIspDbFactory dbs) : IOutboxClaims
{
    public async Task<IReadOnlyList<long>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset lockedUntil, int limit, IReadOnlyCollection<NotificationChannel> channels,
        CancellationToken cancellationToken = default)
    {
        if (channels.Count == 0)
            return [];
        var names = channels.Select(c => c.ToString()).ToArray();
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Database.SqlQuery<long>($"""
            UPDATE notification_outbox AS o
            SET status = 'Sending', locked_until = {lockedUntil}, attempt_count = o.attempt_count + 1
            WHERE o.id IN (
                SELECT id FROM notification_outbox
                WHERE status IN ('Pending', 'Sending') AND channel = ANY({names}) AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                ORDER BY next_attempt_at, id
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED)
            RETURNING o.id AS "Value"
            """).ToListAsync(cancellationToken);
    }
}
