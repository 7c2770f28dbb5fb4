namespace IspPortal.Core.Billing;

/// <summary>
/// Money taken off an issued invoice (table <c>credit_notes</c>): an issued invoice is never edited,
/// so a wrong charge, a goodwill discount for an outage or a cancelled month is a credit note with
/// its own number and reason. It reduces what the invoice still asks for; money already paid
/// stays paid (a refund is a separate matter).
/// </summary>
public class CreditNote
{
    public const int NumberMaxLength = 32;
    public const string NumberFormat = "CN/{yyyy}/{MM}/{seq:6}";
    public const int ReasonMaxLength = 500;

    private CreditNote() { }

    public CreditNote(string number, Invoice invoice, decimal amount, string reason, Guid? createdById, DateTimeOffset createdAt)
    {
        Number = number;
        Invoice = invoice;
        InvoiceId = invoice.Id;
        CustomerId = invoice.CustomerId;
        Amount = amount;
        Reason = reason;
        CreatedById = createdById;
        CreatedAt = createdAt;
        invoice.Credit(amount, createdAt);
    }

    public long Id { get; private set; }

    public string Number { get; private set; } = "";

    public int InvoiceId { get; private set; }

    public int CustomerId { get; private set; }

    public decimal Amount { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Invoice? Invoice { get; private set; }
}
