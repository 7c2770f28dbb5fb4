using IspPortal.Core.Common;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// A customer's payment was confirmed (a gateway webhook or status check): the customer's invoices,
/// balance and Beranda change. <see cref="IsResync"/>: payments may have been missed, re-read.
/// </summary>
public sealed record PaymentConfirmed(int CustomerId, DateTimeOffset At, bool IsResync = false)
{
    public static PaymentConfirmed Resync { get; } = new(0, DateTimeOffset.MinValue, IsResync: true);

    public bool Concerns(int customerId) => IsResync || CustomerId == customerId;
}

/// <summary>The publisher of confirmed payments for the customer's pages, on every instance; published after commit.</summary>
public sealed class PaymentFeed(ILogger<PaymentFeed> logger, ILiveBus? bus = null) : LiveFeed<PaymentConfirmed>(logger, bus);
