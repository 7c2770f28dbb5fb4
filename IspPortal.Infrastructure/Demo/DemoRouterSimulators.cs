using System.Net;
using System.Net.Sockets;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Routers;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.StandIns.RouterOs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP's routers, served by the RouterOS simulator on loopback while the demo portal
/// runs: each demo router gets a simulator on its own port, configured from the database the way
/// an operator would have set up the real router (the packages' PPP profiles, every provisioned
/// secret, and a live session for each customer the demo shows online). A new user thus sees a
/// network that answers, without owning a MikroTik.
/// </summary>
public sealed class DemoRouterSimulators(
    IServiceScopeFactory scopes,
    IRouterGateway gateway,
    ISecretProtector secrets,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<RouterOsSimulator> _running = [];
    private readonly ILogger _logger = loggers.CreateLogger<DemoRouterSimulators>();

    public IReadOnlyList<RouterOsSimulator> Running
    {
        get
        {
            lock (_lock)
                return [.. _running];
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IspDbContext>();
        var codes = DemoNetwork.Routers.Select(r => r.Code).ToList();
        var routers = await db.Routers.AsNoTracking()
            .Where(r => codes.Contains(r.Code) && r.Host == "127.0.0.1" && r.IsActive)
            .OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var profiles = await db.ServicePackages.AsNoTracking().Select(p => new { p.MikrotikProfile, p.UploadMbps, p.DownloadMbps }).ToListAsync(cancellationToken);

        foreach (var router in routers)
        {
            var endpoint = RouterAccess.Endpoint(router, secrets);
            var simulator = new RouterOsSimulator(new RouterOsSimulatorOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, router.ApiPort),
                User = endpoint.User,
                Password = endpoint.Password,
                Identity = router.Code,
            }, time, loggers.CreateLogger<RouterOsSimulator>());
            try
            {
                await simulator.StartAsync(cancellationToken);
            }
            catch (SocketException exception)
            {
                // Another demo (or a real service) holds the port: the portal still runs, that router just stays unreachable.
                _logger.LogWarning("Demo router {Code} not simulated: port {Port} is taken ({Error})", router.Code, router.ApiPort, exception.SocketErrorCode);
                await simulator.DisposeAsync();
                continue;
            }
            lock (_lock)
                _running.Add(simulator);

            var connection = await gateway.OpenAsync(endpoint, cancellationToken);
            var existing = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var profile in connection.GetProfilesAsync(cancellationToken))
                existing.Add(profile.Name);
            foreach (var profile in profiles.Where(p => existing.Add(p.MikrotikProfile)))
                await connection.AddProfileAsync(new NewRouterProfile(profile.MikrotikProfile, RateLimit: $"{profile.UploadMbps}M/{profile.DownloadMbps}M"), cancellationToken);

            var subscribers = await db.PppoeSecrets.AsNoTracking()
                .Where(s => s.RouterId == router.Id && s.ProvisionedAt != null && s.Status != PppoeSecretStatus.Removed)
                .Select(s => new { s.Username, s.PasswordEncrypted, s.Profile, s.IsDisabled, s.Customer!.ConnectionState })
                .ToListAsync(cancellationToken);
            foreach (var subscriber in subscribers)
            {
                simulator.Router.AddSecret(subscriber.Username, secrets.Unprotect(SecretKind.PppoePassword, subscriber.PasswordEncrypted),
                    subscriber.Profile, disabled: subscriber.IsDisabled);
                if (subscriber.ConnectionState == ConnectionState.Online)
                    simulator.Router.Connect(subscriber.Username);
            }
            _logger.LogInformation("Demo router {Code} simulated on 127.0.0.1:{Port} with {Secrets} secrets", router.Code, router.ApiPort, subscribers.Count);
        }
    }

    // The host stops hosted services and then disposes the container; both may reach here, so
    // each works on its own snapshot and disposal takes the simulators out exactly once.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var simulator in Running)
            await simulator.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        RouterOsSimulator[] stopping;
        lock (_lock)
        {
            stopping = [.. _running];
            _running.Clear();
        }
        foreach (var simulator in stopping)
            await simulator.DisposeAsync();
    }
}
