using System.Text.Json;
using IspPortal.Core.Billing.Payments;

namespace IspPortal.Infrastructure.Live;

/// <summary>A confirmed payment: the customer's id, always inline.</summary>
public sealed class PaymentCodec : LiveFeedCodec<PaymentFeed, PaymentConfirmed>
{
    public override string Kind => "payment";

    protected override JsonElement Encode(PaymentConfirmed item) => ToElement(item);

    protected override Task<PaymentConfirmed> DecodeAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(Read<PaymentConfirmed>(body));

    protected override PaymentConfirmed Resync(IServiceProvider services) => PaymentConfirmed.Resync;
}
