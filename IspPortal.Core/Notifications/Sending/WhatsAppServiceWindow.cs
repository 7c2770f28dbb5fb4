using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Notifications.Sending;

/// <summary>
/// WhatsApp's 24-hour customer-service window: free text only within 24 hours of the customer's last
/// message, an approved template outside it. One rule for the dispatcher (which sends) and for the
/// ticket chat (which queues the reply as text or as <c>ticket_update</c> and tells the agent).
/// </summary>
[FeatureApi]
public static class WhatsAppServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static bool IsOpen(DateTimeOffset? lastInbound, DateTimeOffset now) => lastInbound is { } inbound && now - inbound < Length;

    /// <summary>The customer's last message: on the customer row, or (a number no customer has) the last one stored from that phone.</summary>
    public static async Task<DateTimeOffset?> LastInboundAsync(IIspDb db, Customers.Customer? customer, string phone, CancellationToken cancellationToken = default)
    {
        if (customer is not null)
            return customer.LastInboundMessageAt;
        return await db.WhatsAppMessages.Where(m => m.Phone == phone && m.Direction == MessageDirection.Inbound)
            .MaxAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken);
    }
}
