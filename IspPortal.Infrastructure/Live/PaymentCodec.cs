using System.Text.Json;
using IspPortal.Core.Billing.Payments;

namespace IspPortal.Infrastructure.Live;

/// <summary>A confirmed payment: the customer's id, always inline.</summary>
public sealed class PaymentCodec : LiveFeedCodec<PaymentFeed, PaymentsChanged>
{
    public override string Kind => "payment";

    protected override JsonElement Encode(PaymentsChanged item) => ToElement(item);

    protected override Task<PaymentsChanged> DecodeAsync(JsonElement body, IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(Read<PaymentsChanged>(body));

    protected override PaymentsChanged Resync(IServiceProvider services) => PaymentsChanged.Resync;
}
