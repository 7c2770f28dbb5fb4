using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Monitoring;

/// <summary>A NOC operator takes an alert: it stays open until a sync resolves it, but no longer asks for attention.</summary>
public sealed class AcknowledgeAlert(IIspDbFactory dbs, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(long alertId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var alert = await db.NetworkAlerts.Include(a => a.Router).SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
            return Outcome.Refused<string>("", "Peringatan tidak ditemukan.");
        if (alert.AcknowledgedAt is not null)
            return Outcome.Done($"Peringatan {alert.Router!.Code} sudah ditangani sebelumnya.");
        alert.Acknowledge((await currentUser.GetAsync(cancellationToken)).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done($"Peringatan {alert.Router!.Code} ditandai sedang ditangani.");
    }
}
