namespace IspPortal.Core.Billing.Documents;

/// <summary>Everything a receipt ("kuitansi") PDF shows for one confirmed payment.</summary>
/// <param name="ReceivedAt">When the money came in, in the ISP's zone.</param>
/// <param name="CreditKept">The part no invoice took, kept as the customer's credit.</param>
/// <param name="ReceivedBy">The staff member who confirmed it, or the gateway for online payments.</param>
public sealed record ReceiptDocument(
    DocumentCompany Company,
    DocumentCustomer Customer,
    string Number,
    DateTimeOffset ReceivedAt,
    PaymentMethod Method,
    string? Reference,
    decimal Amount,
    IReadOnlyList<ReceiptAllocation> Allocations,
    decimal CreditKept,
    string AmountInWords,
    string ReceivedBy);

public sealed record ReceiptAllocation(string InvoiceNumber, decimal Amount);
