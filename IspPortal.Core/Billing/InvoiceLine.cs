namespace IspPortal.Core.Billing;

/// <summary>
/// One line of an invoice (table <c>invoice_lines</c>). A table rather than JSON on the invoice
/// because revenue reports (MRR, ARPU, revenue per package) sum lines by kind and package.
/// </summary>
public class InvoiceLine
{
    public const int DescriptionMaxLength = 200;

    private InvoiceLine() { }

    internal InvoiceLine(Invoice invoice, int position, InvoiceLineKind kind, string description, decimal quantity, decimal unitPrice, int? servicePackageId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        Invoice = invoice;
        Position = position;
        Kind = kind;
        Description = description;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Amount = Math.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);
        ServicePackageId = servicePackageId;
    }

    public long Id { get; private set; }

    public int InvoiceId { get; private set; }

    public int Position { get; private set; }

    public InvoiceLineKind Kind { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Months or a fraction of one (proration by days), or a count of items.</summary>
    public decimal Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    /// <summary>Always positive; a discount line is subtracted by its kind.</summary>
    public decimal Amount { get; private set; }

    public int? ServicePackageId { get; private set; }

    public Invoice? Invoice { get; private set; }
}

public enum InvoiceLineKind
{
    Subscription,
    /// <summary>The first month charged by days.</summary>
    Proration,
    Installation,
    Equipment,
    OneOff,
    Discount,
}
