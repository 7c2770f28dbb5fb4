using System.Text.Json;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.WhatsApp;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Live;

/// <summary>Webhook activity with the message's text; a text too long for a notification travels by reference like any large event (the bus).</summary>
public sealed class WhatsAppActivityCodec : LiveFeedCodec<WhatsAppFeed, WhatsAppActivity>
{
    public override string Kind => "whatsapp";

    protected override JsonElement Encode(WhatsAppActivity item)
    {
        var wire = item switch
        {
            WhatsAppMessageReceived m => new Wire("message", m.MessageId, m.CustomerId, m.Phone, m.ContactName, m.Body, null, m.At),
            WhatsAppDeliveryChanged d => new Wire("delivery", d.OutboxMessageId, d.CustomerId, null, null, null, d.Status, d.At),
            _ => throw new NotSupportedException($"{item.GetType().Name} is not sent between instances."),
        };
        return ToElement(wire);
    }

    protected override WhatsAppActivity Decode(JsonElement body)
    {
        var wire = Read<Wire>(body);
        return wire.Type == "delivery"
            ? new WhatsAppDeliveryChanged(wire.Id, wire.CustomerId, wire.Status ?? OutboxStatus.Sent, wire.At)
            : new WhatsAppMessageReceived(wire.Id, wire.CustomerId, wire.Phone ?? "", wire.ContactName, wire.Body, wire.At);
    }

    protected override WhatsAppActivity Resync(IServiceProvider services) =>
        new WhatsAppResync(services.GetRequiredService<TimeProvider>().GetUtcNow());

    private sealed record Wire(string Type, long Id, int? CustomerId, string? Phone, string? ContactName, string? Body, OutboxStatus? Status, DateTimeOffset At);
}
