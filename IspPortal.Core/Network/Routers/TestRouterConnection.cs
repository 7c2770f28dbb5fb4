using IspPortal.Core.Common;
using IspPortal.Core.Network.RouterOs;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Routers;

public sealed record RouterConnectionReport(string Identity, string Version, string? BoardName, TimeSpan Uptime, int CpuLoadPercent, int ActiveSessions);

/// <summary>
/// "Test connection" on the routers page: logs in with the stored credentials and reads identity,
/// version, uptime, CPU and the number of live sessions, or says exactly what went wrong.
/// </summary>
public sealed class TestRouterConnection(IIspDbFactory dbs, ISecretProtector secrets, IRouterGateway gateway)
{
    public async Task<Outcome<RouterConnectionReport>> ExecuteAsync(int routerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var router = await db.Routers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routerId, cancellationToken);
        if (router is null)
            return Outcome.Refused<RouterConnectionReport>("", "Router tidak ditemukan; mungkin sudah dihapus.");

        try
        {
            var connection = await gateway.OpenAsync(RouterAccess.Endpoint(router, secrets), cancellationToken);
            var identity = await connection.GetIdentityAsync(cancellationToken);
            var resource = await connection.GetResourceAsync(cancellationToken);
            var sessions = await connection.CountSessionsAsync(cancellationToken);
            return Outcome.Done(new RouterConnectionReport(identity, resource.Version, resource.BoardName, resource.Uptime, resource.CpuLoadPercent, sessions));
        }
        catch (RouterOsException exception)
        {
            return Outcome.Refused<RouterConnectionReport>("", RouterAccess.Explain(exception));
        }
    }
}
