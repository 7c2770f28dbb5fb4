namespace IspPortal.Core.Billing;

/// <summary>
/// A one-off charge or discount waiting for the customer's next invoice (table
/// <c>billing_charges</c>): installation, equipment, a promo. The monthly run puts it on the
/// invoice as a line and records which invoice took it, so it is billed exactly once.
/// </summary>
public class BillingCharge
{
    public const int DescriptionMaxLength = InvoiceLine.DescriptionMaxLength;

    public static readonly InvoiceLineKind[] Kinds = [InvoiceLineKind.Installation, InvoiceLineKind.Equipment, InvoiceLineKind.OneOff, InvoiceLineKind.Discount];

    private BillingCharge() { }

    public BillingCharge(int customerId, InvoiceLineKind kind, string description, decimal amount, Guid? createdById, DateTimeOffset createdAt)
    {
        if (!Kinds.Contains(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A one-off charge is installation, equipment, other or a discount.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        CustomerId = customerId;
        Kind = kind;
        Description = description;
        Amount = amount;
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int CustomerId { get; private set; }

    public InvoiceLineKind Kind { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Positive; a discount is subtracted by its kind.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The invoice that billed it; null while it waits.</summary>
    public int? InvoiceId { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void BilledOn(int invoiceId) => InvoiceId = invoiceId;
}
