using System.Collections.Concurrent;
using IspPortal.Core.Network.RouterOs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>The RouterOS API behind <see cref="IRouterGateway"/>: one connection pool per router (host, port, TLS, user).</summary>
public sealed class RouterGateway(IOptions<RouterOsOptions> options, TimeProvider time, ILogger<RouterGateway> logger) : IRouterGateway, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Host, int Port, bool UseTls, string User), RouterConnectionPool> _pools = new();
    private volatile bool _disposed;

    public async Task<IRouterConnection> OpenAsync(RouterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        // Logging in now makes "test connection" and wrong credentials fail here rather than on first use.
        await AcquireAsync(endpoint, cancellationToken);
        return new RouterApi(this, endpoint);
    }

    /// <summary>A logged-in connection for one command. The pool is looked up every time, so a handle
    /// outlives a pool replaced because the router's password or pinned certificate changed.</summary>
    public async Task<RouterOsConnection> AcquireAsync(RouterEndpoint endpoint, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await PoolFor(endpoint).AcquireAsync(cancellationToken);
            }
            catch (ObjectDisposedException) when (!_disposed)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var pool in _pools.Values)
            await pool.DisposeAsync();
        _pools.Clear();
    }

    private RouterConnectionPool PoolFor(RouterEndpoint endpoint)
    {
        var key = (endpoint.Host.ToUpperInvariant(), endpoint.Port, endpoint.UseTls, endpoint.User);
        while (true)
        {
            var pool = _pools.GetOrAdd(key, _ => new RouterConnectionPool(endpoint, options.Value, time, logger));
            if (pool.Endpoint == endpoint)
                return pool;
            // The password or pinned certificate changed: connections logged in the old way must go.
            if (_pools.TryUpdate(key, new RouterConnectionPool(endpoint, options.Value, time, logger), pool))
                _ = pool.DisposeAsync().AsTask();
        }
    }
}
