using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;

namespace IspPortal.Core.Billing;

/// <summary>
/// Money received from a customer (table <c>payments</c>); allocated to invoices through
/// <see cref="PaymentAllocation"/>, the rest kept as the customer's credit.
/// </summary>
public class Payment
{
    /// <summary>Receipt number, e.g. <c>PAY/2025/02/000045</c>.</summary>
    public const int NumberMaxLength = 32;
    public const string NumberFormat = "PAY/{yyyy}/{MM}/{seq:6}";
    public const int GatewayMaxLength = 32;
    /// <summary>Midtrans transaction ids are UUIDs; leave room for other gateways.</summary>
    public const int GatewayTransactionIdMaxLength = 128;
    public const int GatewayOrderIdMaxLength = 64;
    public const int GatewayStatusMaxLength = 32;
    public const int ReferenceMaxLength = 100;
    public const int ProofPathMaxLength = 260;
    public const int ReasonMaxLength = 500;
    public const int IdempotencyKeyMaxLength = 64;
    /// <summary>QRIS payloads are a few hundred characters (EMVCo, at most 512).</summary>
    public const int GatewayQrMaxLength = 1024;
    public const int GatewayChannelMaxLength = PaymentChannels.CodeMaxLength;
    /// <summary>Virtual account numbers are up to 18 digits (BRI), Mandiri bill keys 12.</summary>
    public const int GatewayVaNumberMaxLength = 32;
    public const int GatewayBillerCodeMaxLength = 16;
    public const int GatewayActionUrlMaxLength = 1024;

    private Payment() { }

    public Payment(string number, int customerId, PaymentMethod method, decimal amount, DateTimeOffset receivedAt, Guid? recordedById)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Number = number;
        CustomerId = customerId;
        Method = method;
        Amount = amount;
        ReceivedAt = receivedAt;
        RecordedById = recordedById;
        CreatedAt = receivedAt;
        UpdatedAt = receivedAt;
        // Cash is in the cashier's hand; transfers and gateway payments wait for Finance or the gateway.
        Status = method == PaymentMethod.Cash ? PaymentStatus.Confirmed : PaymentStatus.Pending;
        ConfirmedAt = method == PaymentMethod.Cash ? receivedAt : null;
        ConfirmedById = method == PaymentMethod.Cash ? recordedById : null;
    }

    public long Id { get; private set; }

    public string Number { get; private set; } = "";

    public int CustomerId { get; private set; }

    /// <summary>The invoice the customer meant to pay (a gateway charge is made for one); may be null.</summary>
    public int? InvoiceId { get; set; }

    public PaymentMethod Method { get; private set; }

    public decimal Amount { get; private set; }

    public PaymentStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>e.g. <c>midtrans</c>; set for gateway payments.</summary>
    public string? Gateway { get; private set; }

    public string? GatewayTransactionId { get; private set; }

    public string? GatewayOrderId { get; private set; }

    /// <summary>The gateway's own status text as last received (e.g. <c>settlement</c>).</summary>
    public string? GatewayStatus { get; private set; }

    /// <summary>The QRIS payload the gateway made for this payment, shown again until it expires.</summary>
    public string? GatewayQrString { get; private set; }

    public DateTimeOffset? GatewayExpiresAt { get; private set; }

    /// <summary>The <see cref="PaymentChannels"/> code the customer chose, e.g. <c>va_bca</c>; null for payments not made through the gateway.</summary>
    public string? GatewayChannel { get; private set; }

    /// <summary>The virtual account number to transfer to; for Mandiri, the bill key.</summary>
    public string? GatewayVaNumber { get; private set; }

    /// <summary>Mandiri's company code, entered before the bill key.</summary>
    public string? GatewayBillerCode { get; private set; }

    /// <summary>The e-wallet's link that opens its app on this payment.</summary>
    public string? GatewayActionUrl { get; private set; }

    /// <summary>The key the recording screen or API call sent: the same key twice records one payment.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Bank reference or the payer's note.</summary>
    public string? Reference { get; set; }

    /// <summary>Transfer receipt image, stored outside wwwroot.</summary>
    public string? ProofPath { get; set; }

    public Guid? RecordedById { get; private set; }

    public Guid? ConfirmedById { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Customer? Customer { get; private set; }

    public Invoice? Invoice { get; private set; }

    public List<PaymentAllocation> Allocations { get; private set; } = [];

    public decimal AllocatedAmount => Allocations.Sum(a => a.Amount);

    /// <param name="transactionId">Null while only the order id is known (saved before the gateway is asked).</param>
    public void LinkGateway(string gateway, string? transactionId, string? orderId, string? gatewayStatus, DateTimeOffset at)
    {
        if (GatewayTransactionId is not null && (Gateway != gateway || (transactionId is not null && GatewayTransactionId != transactionId)))
        {
            throw new InvalidOperationException($"Payment {Number} already belongs to {Gateway} transaction {GatewayTransactionId}.");
        }
        Gateway = gateway;
        GatewayTransactionId = transactionId ?? GatewayTransactionId;
        GatewayOrderId = orderId;
        GatewayStatus = gatewayStatus;
        UpdatedAt = at;
    }

    /// <summary>The customer chose how to pay this gateway payment; the channel's method must be the payment's.</summary>
    public void UseChannel(string channelCode)
    {
        var channel = PaymentChannels.Find(channelCode) ?? throw new ArgumentException($"Unknown payment channel '{channelCode}'.", nameof(channelCode));
        if (channel.Method != Method)
        {
            throw new InvalidOperationException($"Payment {Number} is {Method}; channel {channel.Code} is {channel.Method}.");
        }
        if (GatewayChannel is not null && GatewayChannel != channel.Code)
        {
            throw new InvalidOperationException($"Payment {Number} is already paid through {GatewayChannel}.");
        }
        GatewayChannel = channel.Code;
    }

    /// <summary>What the gateway gave the customer to pay with: what the channel needs must be there.</summary>
    public void ShowCharge(string? qrString, string? vaNumber, string? billerCode, string? actionUrl, DateTimeOffset? expiresAt)
    {
        if (Gateway is null || GatewayChannel is null || Status != PaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Payment {Number} ({Status}, channel {GatewayChannel ?? "none"}): only a pending gateway payment with a channel shows a charge.");
        }
        if (!PaymentChannels.Find(GatewayChannel)!.IsPayableWith(qrString, vaNumber, billerCode, actionUrl))
        {
            throw new ArgumentException($"The gateway's charge for {GatewayChannel} lacks what the customer needs to pay.");
        }
        GatewayQrString = Fitting(qrString, GatewayQrMaxLength);
        GatewayVaNumber = Fitting(vaNumber, GatewayVaNumberMaxLength);
        GatewayBillerCode = Fitting(billerCode, GatewayBillerCodeMaxLength);
        GatewayActionUrl = Fitting(actionUrl, GatewayActionUrlMaxLength);
        GatewayExpiresAt = expiresAt;
    }

    private static string? Fitting(string? text, int maxLength, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(text))] string name = "") =>
        text is null || text.Length <= maxLength ? text : throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);

    public void Confirm(Guid? byUserId, DateTimeOffset at, string? gatewayStatus = null)
    {
        if (Status == PaymentStatus.Confirmed)
        {
            return;
        }
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Payment {Number} is {Status}; only a pending payment can be confirmed.");
        }
        Status = PaymentStatus.Confirmed;
        ConfirmedById = byUserId;
        ConfirmedAt = at;
        GatewayStatus = gatewayStatus ?? GatewayStatus;
        UpdatedAt = at;
    }

    /// <summary>
    /// The gateway settled a payment we had given up on (it expired here first, or a failure arrived
    /// before the settlement): the customer's money was taken, so it counts like any confirmed payment.
    /// </summary>
    public void ConfirmLateSettlement(DateTimeOffset at, string gatewayStatus)
    {
        if (Gateway is null || Status is not (PaymentStatus.Expired or PaymentStatus.Failed))
        {
            throw new InvalidOperationException($"Payment {Number} is {Status}; only an expired or failed gateway payment can be settled late.");
        }
        Status = PaymentStatus.Pending;
        RejectionReason = null;
        Confirm(null, at, gatewayStatus);
    }

    /// <summary>Finance rejects a transfer, or the gateway reports the payment failed or expired.</summary>
    public void Reject(PaymentStatus outcome, string reason, Guid? byUserId, DateTimeOffset at, string? gatewayStatus = null)
    {
        if (outcome is not (PaymentStatus.Rejected or PaymentStatus.Failed or PaymentStatus.Expired))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Use Rejected, Failed or Expired.");
        }
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Payment {Number} is {Status}; only a pending payment can be rejected.");
        }
        Status = outcome;
        RejectionReason = reason;
        ConfirmedById = byUserId;
        GatewayStatus = gatewayStatus ?? GatewayStatus;
        UpdatedAt = at;
    }

    /// <summary>Allocates part of a confirmed payment to an invoice and pays it.</summary>
    public PaymentAllocation AllocateTo(Invoice invoice, decimal amount, DateTimeOffset at)
    {
        if (Status != PaymentStatus.Confirmed)
        {
            throw new InvalidOperationException($"Payment {Number} is {Status}; only confirmed money can be allocated.");
        }
        if (invoice.CustomerId != CustomerId)
        {
            throw new InvalidOperationException($"Invoice {invoice.Number} belongs to another customer.");
        }
        if (amount > Amount - AllocatedAmount)
        {
            throw new InvalidOperationException($"Payment {Number} has only {Amount - AllocatedAmount} left to allocate.");
        }
        if (invoice.AmountDue <= 0)
        {
            throw new InvalidOperationException($"Invoice {invoice.Number} has nothing left to pay.");
        }
        var rest = invoice.ApplyPayment(amount, at);
        var allocation = new PaymentAllocation(this, invoice, amount - rest, at);
        Allocations.Add(allocation);
        UpdatedAt = at;
        return allocation;
    }
}

public enum PaymentMethod
{
    Cash,
    BankTransfer,
    Qris,
    VirtualAccount,
    EWallet,
}

public enum PaymentStatus
{
    Pending,
    Confirmed,
    Rejected,
    Failed,
    Expired,
    Refunded,
}
