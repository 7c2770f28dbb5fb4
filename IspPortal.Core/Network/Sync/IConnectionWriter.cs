using IspPortal.Core.Common;
using IspPortal.Core.Customers;

namespace IspPortal.Core.Network.Sync;

/// <summary>One customer's connection moving from what the portal stored to what the router reported.</summary>
public sealed record ConnectionWrite(int CustomerId, CustomerConnection Before, CustomerConnection After);

/// <summary>
/// Writes many customers' connections at once: a first sync (or a router coming back) changes every
/// subscriber on it, and loading and saving them one entity at a time is what made that slow.
/// </summary>
public interface IConnectionWriter
{
    /// <summary>
    /// Stores each customer's new connection and, where the state changed, its <c>customer_status_logs</c>
    /// row, inside <paramref name="db"/>'s current transaction.
    /// </summary>
    Task WriteAsync(IIspDb db, IReadOnlyCollection<ConnectionWrite> writes, CancellationToken cancellationToken = default);
}
