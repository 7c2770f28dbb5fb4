using System.Linq.Expressions;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;

namespace IspPortal.Core.Tickets.Lifecycle;

/// <summary>Who a ticket's messages go to: the customer on file, or the contact who reported it.</summary>
/// <param name="LinkVersion">The ticket's <see cref="Ticket.CustomerLinkVersion"/>, for the link in the message.</param>
[FeatureApi]
public sealed record TicketContact(int TicketId, string Number, string Subject, TicketChannel Channel, int? CustomerId, string? Name, string? Phone, string? Email, int LinkVersion)
{
    public static readonly Expression<Func<Ticket, TicketContact>> Projection = t => new TicketContact(
        t.Id, t.Number, t.Subject, t.Channel, t.CustomerId,
        t.Customer != null ? t.Customer.FullName : t.ContactName,
        t.Customer != null ? t.Customer.Phone : t.ContactPhone,
        t.Customer != null && t.Customer.Email != null ? t.Customer.Email : t.ContactEmail,
        t.CustomerLinkVersion);
}

/// <summary>
/// The customer's messages about their ticket, on the channel they wrote on: e-mail for a ticket that
/// came by e-mail (the reply threads under the same subject), otherwise WhatsApp, falling back to the
/// other when the first is unknown. One channel per message: a customer is told once. Each key names
/// the ticket and the occasion, so a job that runs twice queues nothing twice.
/// </summary>
[FeatureApi]
public static class TicketNotices
{
    public static OutboxMessage? Opened(TicketContact contact, string link, DateTimeOffset now) =>
        For(contact, $"ticket-opened:{contact.Number}", NotificationEvents.TicketOpened, now, new()
        {
            ["nomor_tiket"] = contact.Number,
            ["subjek"] = contact.Subject,
            ["link_tiket"] = link,
        });

    /// <param name="resolvedAt">Part of the key: a ticket reopened and resolved again asks again.</param>
    public static OutboxMessage? Resolved(TicketContact contact, DateTimeOffset resolvedAt, string? note, int autoVerifyDays, string link, DateTimeOffset now) =>
        For(contact, $"ticket-resolved:{contact.Number}:{resolvedAt.ToUnixTimeSeconds()}", NotificationEvents.TicketResolved, now, new()
        {
            ["nomor_tiket"] = contact.Number,
            ["subjek"] = contact.Subject,
            ["catatan"] = string.IsNullOrWhiteSpace(note) ? "masalah telah ditangani" : note.Trim(),
            ["hari"] = autoVerifyDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["link_tiket"] = link,
        });

    public static OutboxMessage? RatingRequest(TicketContact contact, string link, DateTimeOffset now) =>
        For(contact, $"ticket-rating:{contact.Number}", NotificationEvents.TicketRatingRequest, now, new()
        {
            ["nomor_tiket"] = contact.Number,
            ["subjek"] = contact.Subject,
            ["link_tiket"] = link,
        });

    private static OutboxMessage? For(TicketContact contact, string key, NotificationEvent notification, DateTimeOffset now, Dictionary<string, string> values)
    {
        var byEmail = contact.Channel == TicketChannel.Email ? !string.IsNullOrWhiteSpace(contact.Email) : string.IsNullOrWhiteSpace(contact.Phone) && !string.IsNullOrWhiteSpace(contact.Email);
        var recipient = byEmail ? contact.Email : contact.Phone;
        if (string.IsNullOrWhiteSpace(recipient))
            return null;
        values["nama"] = string.IsNullOrWhiteSpace(contact.Name) ? "Pelanggan" : contact.Name;
        var channel = byEmail ? NotificationChannel.Email : NotificationChannel.WhatsApp;
        return new OutboxMessage($"{key}:{channel}", channel, recipient.Trim(), notification.Key, JsonSerializer.Serialize(values), now, contact.CustomerId);
    }
}
