using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications.Sending;

/// <summary>
/// Files made when a message is sent rather than when it is queued: the monthly run queues a
/// notice per customer, and rendering 100,000 PDFs into the outbox up front would store gigabytes
/// that the dispatcher can make one at a time from the document itself.
/// </summary>
[FeatureApi]
public interface IMessageDocuments
{
    /// <returns>The file for this message, or null when it carries none.</returns>
    Task<OutgoingFile?> ForAsync(OutboxMessage message, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);
}
