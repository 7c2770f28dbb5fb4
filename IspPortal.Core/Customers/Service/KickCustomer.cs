using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Service;

/// <summary>Drops the customer's live PPPoE session; the CPE redials at once with its current profile.</summary>
public sealed class KickCustomer(IIspDbFactory dbs, ISecretProtector secrets, IRouterGateway gateway, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var secret = await db.PppoeSecrets.Include(s => s.Router).Include(s => s.Customer)
            .Where(s => s.Customer!.Code == customerCode && !s.IsReplica && s.Status != PppoeSecretStatus.Removed)
            .SingleOrDefaultAsync(cancellationToken);
        if (secret is null)
            return Outcome.Refused<string>("", $"Pelanggan {customerCode} tidak punya secret PPPoE di router.");

        var actor = await currentUser.GetAsync(cancellationToken);
        try
        {
            var connection = await gateway.OpenAsync(RouterAccess.Endpoint(secret.Router!, secrets), cancellationToken);
            var kicked = await connection.KickUserAsync(secret.Username, cancellationToken);
            db.RouterLogs.Add(new RouterLog(secret.RouterId, clock.GetUtcNow(), "kick", RouterLogOutcome.Succeeded, $"{kicked} sesi {secret.Username} diputus")
            {
                CustomerId = secret.CustomerId,
                UserId = actor.UserId,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome.Done(kicked == 0
                ? $"{secret.Username} sedang tidak online; tidak ada sesi yang diputus."
                : $"Sesi {secret.Username} diputus; perangkat pelanggan akan tersambung ulang.");
        }
        catch (RouterOsException exception)
        {
            return Outcome.Refused<string>("", RouterAccess.Explain(exception));
        }
    }
}
