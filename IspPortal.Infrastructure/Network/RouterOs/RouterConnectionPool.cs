using IspPortal.Core.Network.RouterOs;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>
/// Up to <see cref="RouterOsOptions.MaxConnectionsPerRouter"/> logged-in connections to one router.
/// A command takes an idle connection, or opens one while under the limit, or else shares the least
/// busy one through tags. Dead connections are dropped here, so the next command reconnects.
/// </summary>
public sealed class RouterConnectionPool(RouterEndpoint endpoint, RouterOsOptions options, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private readonly List<RouterOsConnection> _connections = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    public RouterEndpoint Endpoint => endpoint;

    public async Task<RouterOsConnection> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var dead in _connections.Where(c => !c.IsAlive).ToList())
            {
                _connections.Remove(dead);
                await dead.DisposeAsync();
            }
            var best = _connections.MinBy(c => c.InFlight);
            if (best is not null && (best.InFlight == 0 || _connections.Count >= Math.Max(1, options.MaxConnectionsPerRouter)))
                return best;
            var opened = await RouterOsConnection.OpenAsync(endpoint, options, time, logger, cancellationToken);
            _connections.Add(opened);
            return opened;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            foreach (var connection in _connections)
                await connection.DisposeAsync();
            _connections.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }
}
