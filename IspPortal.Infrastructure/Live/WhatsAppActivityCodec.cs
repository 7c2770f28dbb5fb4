using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Live;

/// <summary>Webhook activity inline; a message whose text does not fit travels without it and is re-read by id.</summary>
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
        var inline = ToElement(wire);
        return Fits(inline) ? inline : ToElement(wire with { Body = null, BodyOmitted = true });
    }

    protected override async Task<WhatsAppActivity> DecodeAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken)
    {
        var wire = Read<Wire>(body);
        if (wire.Type == "delivery")
            return new WhatsAppDeliveryChanged(wire.Id, wire.CustomerId, wire.Status ?? OutboxStatus.Sent, wire.At);
        var text = wire.Body;
        if (wire.BodyOmitted)
        {
            // The factory is scoped (it carries the audit's current user); the bus is not.
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync(cancellationToken);
            text = await db.WhatsAppMessages.AsNoTracking().Where(m => m.Id == wire.Id).Select(m => m.Body).SingleOrDefaultAsync(cancellationToken);
        }
        return new WhatsAppMessageReceived(wire.Id, wire.CustomerId, wire.Phone ?? "", wire.ContactName, text, wire.At);
    }

    protected override WhatsAppActivity Resync(IServiceProvider services) =>
        new WhatsAppResync(services.GetRequiredService<TimeProvider>().GetUtcNow());

    private sealed record Wire(string Type, long Id, int? CustomerId, string? Phone, string? ContactName, string? Body, OutboxStatus? Status, DateTimeOffset At,
        bool BodyOmitted = false);
}
