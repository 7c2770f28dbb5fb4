namespace IspPortal.Core.Billing;

/// <summary>
/// The part of a payment that paid one invoice (table <c>payment_allocations</c>). A table because
/// one payment can settle several invoices (oldest first) and one invoice can be paid in parts.
/// </summary>
public class PaymentAllocation
{
    private PaymentAllocation() { }

    internal PaymentAllocation(Payment payment, Invoice invoice, decimal amount, DateTimeOffset allocatedAt)
    {
        Payment = payment;
        Invoice = invoice;
        InvoiceId = invoice.Id;
        Amount = amount;
        AllocatedAt = allocatedAt;
    }

    public long Id { get; private set; }

    public long PaymentId { get; private set; }

    public int InvoiceId { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset AllocatedAt { get; private set; }

    public Payment? Payment { get; private set; }

    public Invoice? Invoice { get; private set; }
}
