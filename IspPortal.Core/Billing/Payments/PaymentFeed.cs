using IspPortal.Core.Common;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// A customer's payments changed (confirmed by a gateway webhook or status check, recorded at the
/// counter, a transfer confirmed or rejected by Finance): the customer's invoices, balance and
/// Beranda change. <see cref="IsResync"/>: payments may have been missed, re-read.
/// </summary>
public sealed record PaymentsChanged(int CustomerId, DateTimeOffset At, bool IsResync = false)
{
    public static PaymentsChanged Resync { get; } = new(0, DateTimeOffset.MinValue, IsResync: true);

    public bool Concerns(int customerId) => IsResync || CustomerId == customerId;
}

/// <summary>The publisher of payment changes for the customer's pages and the dashboard, on every instance; published after commit.</summary>
public sealed class PaymentFeed(ILogger<PaymentFeed> logger, ILiveBus? bus = null) : LiveFeed<PaymentsChanged>(logger, bus);
