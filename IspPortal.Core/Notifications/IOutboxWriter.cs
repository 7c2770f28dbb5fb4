using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications;

/// <summary>
/// Queues many messages at once in <paramref name="db"/>'s open transaction, set-based (the monthly
/// run's invoice notices: one per customer and channel), skipping any whose idempotency key is
/// already queued. Messages written this way carry no attachments.
/// </summary>
public interface IOutboxWriter
{
    /// <returns>How many were new.</returns>
    Task<int> InsertNewAsync(IIspDb db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default);
}
