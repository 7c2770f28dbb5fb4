using System.Text.Json;
using IspPortal.Core.Billing.Payments;

namespace IspPortal.Infrastructure.Live;

/// <summary>A change of a customer's payments: the customer's id and when.</summary>
public sealed class PaymentCodec : LiveFeedCodec<PaymentFeed, PaymentsChanged>
{
    public override string Kind => "payment";

    protected override JsonElement Encode(PaymentsChanged item) => ToElement(item);

    protected override PaymentsChanged Decode(JsonElement body) => Read<PaymentsChanged>(body);

    protected override PaymentsChanged Resync(IServiceProvider services) => PaymentsChanged.Resync;
}
